package dev.dirsync.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "id,mail | id,mail",
                "onPremisesImmutableId eq 'a+b/c=' | onPremisesImmutableId%20eq%20%27a%2Bb%2Fc%3D%27",
                "Zoë & co | Zo%C3%AB%20%26%20co",
            })
    void encodeQueryValue_escapesAllButUnreservedAndComma(String value, String encoded) {
        assertThat(Urls.encodeQueryValue(value)).isEqualTo(encoded);
    }

    @Test
    void withoutQuery_dropsTheQuery() {
        assertThat(Urls.withoutQuery(HttpUrl.get("https://graph.example/v1.0/users?$select=id&$top=999")))
                .isEqualTo("https://graph.example/v1.0/users");
    }

    @Test
    void sameOrigin_comparesSchemeHostAndPort() {
        HttpUrl base = HttpUrl.get("https://graph.example");
        assertThat(Urls.sameOrigin(base, HttpUrl.get("https://GRAPH.example/v1.0/users?$skiptoken=x")))
                .isTrue();
        assertThat(Urls.sameOrigin(base, HttpUrl.get("http://graph.example/v1.0/users")))
                .isFalse();
        assertThat(Urls.sameOrigin(base, HttpUrl.get("https://graph.example:8443/v1.0/users")))
                .isFalse();
        assertThat(Urls.sameOrigin(base, HttpUrl.get("https://elsewhere.example/v1.0/users")))
                .isFalse();
    }
}
