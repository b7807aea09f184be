package io.bpo.gateway.problem;

import java.util.List;

import io.bpo.gateway.problem.Problem.InvalidParam;

/** Request parameters that cannot be used; answered with a 400 problem that names each of them. */
public class InvalidParametersException extends RuntimeException {

    private final transient List<InvalidParam> params;

    public InvalidParametersException(List<InvalidParam> params) {
        super("invalid parameters: " + params.stream().map(InvalidParam::name).toList(), null, false, false);
        this.params = List.copyOf(params);
    }

    public List<InvalidParam> params() {
        return params;
    }
}
