package cn.landbalance.infra.pulsar;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

import java.util.concurrent.TimeUnit;

/** The shaded Pulsar client, when {@code pulsar.service-url} is configured (PULSAR_URL or the run command's broker). */
@Factory
@Requires(property = "pulsar.service-url")
public class PulsarClientFactory {
    @Singleton
    @Bean(preDestroy = "close")
    PulsarClient pulsarClient(@Value("${pulsar.service-url}") String serviceUrl) throws PulsarClientException {
        return PulsarClient.builder()
                .serviceUrl(serviceUrl)
                .operationTimeout(10, TimeUnit.SECONDS)
                .connectionTimeout(5, TimeUnit.SECONDS)
                .startingBackoffInterval(200, TimeUnit.MILLISECONDS)
                .maxBackoffInterval(5, TimeUnit.SECONDS)
                .build();
    }
}
