package io.bpo.contracts.terms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Terms as code: reads and writes terms documents as {@code application/yaml} with the application's JSON mapper configuration
 * (dates as ISO strings, strict input), so a YAML document and a JSON one mean exactly the same thing.
 */
@Provider
@Consumes(YamlProvider.YAML)
@Produces(YamlProvider.YAML)
public class YamlProvider implements MessageBodyReader<TermsView>, MessageBodyWriter<TermsView> {
    public static final String YAML = "application/yaml";

    private final ObjectMapper yaml;

    @Inject
    public YamlProvider(ObjectMapper json) {
        this.yaml = json.copyWith(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TermsView.class;
    }

    @Override
    public TermsView readFrom(Class<TermsView> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException, WebApplicationException {
        return yaml.readValue(body, TermsView.class);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TermsView.class;
    }

    @Override
    public void writeTo(TermsView value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        yaml.writeValue(out, value);
    }
}
