package io.bpo.contracts.terms;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One RFC 6902 JSON Patch operation, for the OpenAPI document only: diffs are built and sent as Jackson trees
 * (zjsonpatch), whose Java shape must not leak into the document and its generated clients.
 */
@Schema(name = "JsonPatchOperation", description = "One RFC 6902 JSON Patch operation on the terms document",
        requiredProperties = {"op", "path"})
public record JsonPatchOperation(
        @Schema(description = "What the operation does") Op op,
        @Schema(description = "JSON Pointer (RFC 6901) of the target in the terms", example = "/slas/0/target")
        String path,
        @Schema(description = "The new value (add, replace, test): any JSON value", example = "85",
                nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.DEFAULT)
        Object value,
        @Schema(description = "JSON Pointer of the source (move, copy)", example = "/slas/1") String from) {

    /** The six RFC 6902 operations. */
    @Schema(name = "JsonPatchOp")
    public enum Op { add, remove, replace, move, copy, test }
}
