package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against a cluster with the security plugin (a real OpenSearch 3.4 node: TLS on HTTP,
 * basic authentication): with the user, its password and the CA that signed the node's certificate it
 * builds and searches; a wrong password, an untrusted certificate, a host name the certificate does not
 * name, or plain HTTP each fail with a message that says which.
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(SecureOpenSearch.class)
class SecuredClusterTest {

    private static ClusterAccess access(SecureTestCluster cluster) {
        return new ClusterAccess(cluster.user(), cluster.password(), cluster.caCertificate());
    }

    @Test
    void withTheUserAndTheClustersCaTheServiceBuildsAndSearches(SecureTestCluster cluster) throws Exception {
        try (OpenSearchConnection connection = OpenSearchConnection.open(List.of(cluster.url()), access(cluster))) {
            assertTrue(connection.verify().endsWith(" 3.4.0"), connection.verify());
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            NutrientLexicon lexicon = NutrientLexicon.loadDefault();
            new OpenSearchCorpusIndexer(new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                    OpenSearchIndexer.Options.defaults().withAlias("secured")), new NutrientTagger(lexicon), json,
                    OpenSearchCorpusIndexer.projectSynonyms()).index(new CorpusLoader().load(Path.of("corpus")).articles());
            try (OpenSearchBackend backend = OpenSearchBackend.open(connection.reopen(), "secured", lexicon, json,
                    RankingOptions.DEFAULTS, () -> { })) {
                assertEquals(138, backend.stats().units());
                SearchResult found = backend.search(SearchRequest.of("magnesum cramps"));
                assertTrue(found.total() > 0);
                assertEquals("magnesium cramps", found.didYouMean() == null ? "magnesium cramps" : found.didYouMean());
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndSaidSo(SecureTestCluster cluster) throws Exception {
        ClusterAccess wrong = new ClusterAccess(cluster.user(), cluster.password() + "-not", cluster.caCertificate());
        try (OpenSearchConnection connection = OpenSearchConnection.open(List.of(cluster.url()), wrong)) {
            OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class, connection::verify);
            assertTrue(e.getMessage().contains("refused the credentials of user '" + cluster.user() + "' (HTTP 401)"),
                    e.getMessage());
        }
        try (OpenSearchConnection anonymous = OpenSearchConnection.open(List.of(cluster.url()),
                new ClusterAccess(null, null, cluster.caCertificate()))) {
            OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class, anonymous::verify);
            assertTrue(e.getMessage().contains("asks for credentials (HTTP 401): set --opensearch-user"), e.getMessage());
        }
    }

    @Test
    void certificatesAndHostNamesAreVerified(SecureTestCluster cluster) throws Exception {
        // The JVM's own CAs did not sign the node's certificate.
        try (OpenSearchConnection untrusted = OpenSearchConnection.open(List.of(cluster.url()),
                new ClusterAccess(cluster.user(), cluster.password(), null))) {
            OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class, untrusted::verify);
            assertTrue(e.getMessage().contains("certification path") || e.getMessage().contains("PKIX"), e.getMessage());
        }
        // The certificate names localhost, not 127.0.0.1.
        URI byAddress = URI.create("https://127.0.0.1:" + cluster.url().getPort());
        try (OpenSearchConnection wrongName = OpenSearchConnection.open(List.of(byAddress), access(cluster))) {
            OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class, wrongName::verify);
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        }
        // Plain HTTP to a TLS port gets no answer.
        URI plain = URI.create("http://localhost:" + cluster.url().getPort());
        try (OpenSearchConnection http = OpenSearchConnection.open(List.of(plain), access(cluster))) {
            assertThrows(OpenSearchUnavailableException.class, http::verify);
        }
    }
}
