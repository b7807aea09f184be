package io.bpo.people.directory;

/** Keycloak answered in a way the directory cannot turn into a result (down, refused, unexpected). */
public class DirectoryException extends RuntimeException {
    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
