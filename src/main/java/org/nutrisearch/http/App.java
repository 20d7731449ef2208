package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.SearchBackend;

/** Wires the HTTP routes to their handlers; every error leaves as JSON. */
public final class App {

    private App() {
    }

    /** Creates (does not start) the service over {@code backend}. */
    public static Javalin create(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json, ServerConfig config) {
        SearchHandler search = new SearchHandler(backend, lexicon);
        ArticlesHandler articles = new ArticlesHandler(backend);
        InfoHandlers info = new InfoHandlers(backend);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.routes.get("/health", info::health);
            config.routes.get("/api/search", search);
            config.routes.get("/api/articles", articles::list);
            config.routes.get("/api/articles/{id}", articles::one);
            config.routes.get("/api/nutrients", info::nutrients);
            config.routes.exception(HttpResponseException.class, ApiErrors::handle);
            config.routes.exception(Exception.class, ApiErrors::handleUnexpected);
        });
    }
}
