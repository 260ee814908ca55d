package dev.connectchat.participant.internal;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * SigV4 signing (signing name {@code execute-api}) with the AWS SDK's signer. This is the only class that
 * touches the SDK's auth modules, and it is loaded only when a credentials provider is configured, so a
 * client that never signs needs none of them at run time.
 */
final class SigV4Signer {
    static final String SIGNING_NAME = "execute-api";

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SigV4Signer(Object credentialsProvider, String region) {
        this.credentials = (AwsCredentialsProvider) credentialsProvider;
        this.region = region;
    }

    /**
     * Resolves the credentials off the event loop (a provider may read files or call a metadata service),
     * then signs.
     *
     * @return the headers to add: {@code Authorization}, {@code X-Amz-Date} and, for session credentials,
     *         {@code X-Amz-Security-Token}
     */
    Mono<Map<String, List<String>>> sign(String method, URI uri, HttpHeaders headers, byte[] body) {
        return Mono.fromCallable(credentials::resolveCredentials)
                .subscribeOn(Schedulers.boundedElastic())
                .map(identity -> signWith(identity, method, uri, headers, body));
    }

    private Map<String, List<String>> signWith(AwsCredentialsIdentity identity, String method, URI uri,
                                               HttpHeaders headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(h -> request.appendHeader(h.getKey(), h.getValue()));
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        return signed.request().headers();
    }
}
