package org.nutrisearch.opensearch;

import java.nio.file.Path;

/**
 * How the service reaches a secured cluster: a user and password for HTTP basic authentication (both
 * or neither), and the CA certificates (a PEM file) that vouch for the nodes' TLS certificates when
 * they are not signed by a CA the JVM already trusts. Over {@code https} the nodes' certificates and
 * host names are always verified.
 *
 * @param user          the user name, or null for none
 * @param password      the user's password (from an environment variable or a file, never the command line)
 * @param caCertificate PEM file with the CA certificate(s) to trust, or null for the JVM's own
 */
public record ClusterAccess(String user, String password, Path caCertificate) {

    /** No authentication; TLS (for {@code https} URLs) trusted through the JVM's CAs. */
    public static final ClusterAccess NONE = new ClusterAccess(null, null, null);

    public ClusterAccess {
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(user == null ? "a password is set but no user" : "no password for user " + user);
        }
        if (user != null && (user.isEmpty() || user.contains(":"))) {
            throw new IllegalArgumentException("an OpenSearch user name is not empty and holds no ':'");
        }
    }

    /** True when requests carry credentials. */
    public boolean authenticates() {
        return user != null;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ClusterAccess[user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", caCertificate=" + caCertificate + "]";
    }
}
