package cn.landbalance.api.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The OpenAPI document generated from the controllers at build time, at {@code /openapi}, and Swagger UI
 * (from the swagger-ui webjar) at {@code /swagger-ui}.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {
    static final String SPEC = "/META-INF/swagger/landbalance-1.yml";
    private final String spec;
    private final String swaggerUiPage;

    public OpenApiController() {
        this.spec = resource(SPEC);
        this.swaggerUiPage = page(swaggerUiVersion());
    }

    @Get(value = "/openapi", produces = "application/yaml")
    public HttpResponse<String> openapi() {
        return spec == null ? HttpResponse.notFound() : HttpResponse.ok(spec);
    }

    @Get(value = "/swagger-ui", produces = MediaType.TEXT_HTML)
    public String swaggerUi() {
        return swaggerUiPage;
    }

    @Get(value = "/swagger-ui/index.html", produces = MediaType.TEXT_HTML)
    public String swaggerUiIndex() {
        return swaggerUiPage;
    }

    private static String page(String version) {
        String assets = "/webjars/swagger-ui/" + version;
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>landbalance API</title>
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><div id="swagger-ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script>window.ui = SwaggerUIBundle({url: '/openapi', dom_id: '#swagger-ui', persistAuthorization: true});</script>
                </body></html>
                """.formatted(assets);
    }

    private static String swaggerUiVersion() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiController.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
