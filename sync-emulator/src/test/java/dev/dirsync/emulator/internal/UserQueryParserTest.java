package dev.dirsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserQueryParserTest {

    @Test
    void noOptions_defaultSelectNoPaging() {
        UserQuery query = UserQueryParser.forCollection(null);

        assertThat(query.select()).isEqualTo(UserSchema.DEFAULT_SELECT);
        assertThat(query.explicitSelect()).isFalse();
        assertThat(query.top()).isNull();
        assertThat(query.filter()).isNull();
        assertThat(query.skipToken()).isNull();
    }

    @Test
    void allOptions_decodedAndCanonical() {
        UserQuery query = UserQueryParser.forCollection(
                "$SELECT=displayname,%20mail&$top=5&$filter=userPrincipalName+eq+'a%2Bb@x.example'&$skipToken=abc&api=1");

        assertThat(query.select()).containsExactly("id", "displayName", "mail");
        assertThat(query.top()).isEqualTo(5);
        assertThat(query.filter()).isEqualTo(new EqFilter("userPrincipalName", "a+b@x.example"));
        assertThat(query.skipToken()).isEqualTo("abc");
    }

    /**
     * | clause                                       | property              | value      |
     * |----------------------------------------------|-----------------------|------------|
     * | quotes doubled inside the literal            | userPrincipalName     | o'hara@... |
     * | property and operator in any case            | onPremisesImmutableId | AbC=       |
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "userPrincipalName eq 'o''hara@x.example'  | userPrincipalName     | o'hara@x.example",
                "  ONPREMISESIMMUTABLEID EQ 'AbC='  | onPremisesImmutableId | AbC=",
                "mail eq ''                         | mail                  | ''"
            })
    void eqFilter_parses(String clause, String property, String value) {
        EqFilter filter = EqFilter.parse(clause);

        assertThat(filter).isEqualTo(new EqFilter(property, value == null ? "" : value));
        assertThat(EqFilter.parse(filter.clause())).isEqualTo(filter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$top=abc                  | Invalid page size",
                "$top=1&$top=2             | more than once",
                "$select=nothing           | Could not find a property named 'nothing'",
                "$filter=mail ne 'a'       | Invalid filter clause",
                "$filter=surname eq 'a'    | property 'surname'",
                "$count=true               | '$count' is not supported",
                "$filter=%zz               | Malformed percent-encoding"
            })
    void badOptions_refused(String query, String message) {
        assertThatThrownBy(() -> UserQueryParser.forCollection(query))
                .isInstanceOf(GraphError.class)
                .hasMessageContaining(message)
                .extracting(e -> ((GraphError) e).status())
                .isEqualTo(400);
    }

    @Test
    void itemOptions_onlySelect() {
        assertThat(UserQueryParser.forItem("$select=mail").select()).containsExactly("id", "mail");
        assertThatThrownBy(() -> UserQueryParser.forItem("$top=1")).isInstanceOf(GraphError.class);
    }

    @Test
    void skipToken_roundTripsAndRejectsForeignTokens() {
        assertThat(SkipToken.decode(SkipToken.encode(42))).isEqualTo(42);
        assertThat(SkipToken.decode(null)).isZero();
        assertThatThrownBy(() -> SkipToken.decode("%%%")).isInstanceOf(GraphError.class);
        assertThatThrownBy(() -> SkipToken.decode("YWZ0ZXI6eA")).isInstanceOf(GraphError.class);
    }
}
