package io.bpo.people.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The registry fields people-service sends and reads back (contracts-service owns the rest). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryEntry(String id, String legalName, String country, String sector, String status) {
}
