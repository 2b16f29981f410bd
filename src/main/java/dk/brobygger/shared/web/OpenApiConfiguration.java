package dk.brobygger.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of Brobygger's OpenAPI documentation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI brobyggerApi() {
        return new OpenAPI().info(new Info().title("Brobygger").version("1")
                .description("JSON APIs under /api (login required) and the public HSDS 3.0 directory under /hsds."));
    }
}
