package dev.dirsync.ldap.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How AD's objectCategory shorthand is expanded ({@code S} = {@code CN=Schema,CN=Configuration,DC=example,DC=com}).
 *
 * <table>
 *   <tr><th>filter</th><th>rewritten</th></tr>
 *   <tr><td>(objectCategory=person)</td><td>(objectCategory=CN=Person,S)</td></tr>
 *   <tr><td>(&amp;(objectCategory=person)(objectClass=user))</td><td>(&amp;(objectCategory=CN=Person,S)(objectClass=user))</td></tr>
 *   <tr><td>(|(objectCategory=group)(!(objectCategory=computer)))</td><td>(|(objectCategory=CN=Group,S)(!(objectCategory=CN=Computer,S)))</td></tr>
 *   <tr><td>(objectCategory=organizationalUnit)</td><td>(objectCategory=CN=Organizational-Unit,S)</td></tr>
 *   <tr><td>(objectCategory=CN=Person,S), (objectCategory=*), (objectCategory=pers*), (objectClass=person)</td><td>unchanged</td></tr>
 * </table>
 */
class ObjectCategoryRewriterTest {
    private static final String SCHEMA = "CN=Schema,CN=Configuration,DC=example,DC=com";

    private final ObjectCategoryRewriter rewriter = rewriter();

    @ParameterizedTest
    @CsvSource(
            delimiterString = "->",
            value = {
                "(objectCategory=person)                                 -> (objectCategory=CN=Person,S)",
                "(objectcategory=Person)                                 -> (objectcategory=CN=Person,S)",
                "(&(objectCategory=person)(objectClass=user))            -> (&(objectCategory=CN=Person,S)(objectClass=user))",
                "(|(objectCategory=group)(!(objectCategory=computer)))   -> (|(objectCategory=CN=Group,S)(!(objectCategory=CN=Computer,S)))",
                "(!(&(objectCategory=contact)(cn=a*)))                   -> (!(&(objectCategory=CN=Contact,S)(cn=a*)))",
                "(objectCategory=organizationalUnit)                     -> (objectCategory=CN=Organizational-Unit,S)",
            })
    void rewrite_shorthand_becomesTheSchemaDn(String filter, String expected) throws LDAPException {
        assertThat(rewriter.rewrite(Filter.create(filter)).toString()).isEqualTo(expected.replace("S)", SCHEMA + ")"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(objectCategory=CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com)",
                "(objectCategory=*)",
                "(objectCategory=pers*)",
                "(objectClass=person)",
                "(&(objectClass=user)(!(cn=x)))",
            })
    void rewrite_noShorthand_returnsTheSameFilter(String text) throws LDAPException {
        Filter filter = Filter.create(text);

        assertThat(rewriter.rewrite(filter)).isSameAs(filter);
    }

    @Test
    void rewrite_valueIsEscapedByTheFilterApi() throws LDAPException {
        Filter rewritten = rewriter.rewrite(Filter.createEqualityFilter("objectCategory", "a)(b"));

        assertThat(rewritten.getAssertionValue()).isEqualTo("CN=A)(b," + SCHEMA);
        assertThat(Filter.create(rewritten.toString())).isEqualTo(rewritten);
    }

    @Test
    void categoryDn_capitalizesLikeActiveDirectory() {
        assertThat(rewriter.categoryDn("person")).isEqualTo("CN=Person," + SCHEMA);
        assertThat(rewriter.categoryDn("msExchDynamicDistributionList"))
                .isEqualTo("CN=Ms-Exch-Dynamic-Distribution-List," + SCHEMA);
    }

    private static ObjectCategoryRewriter rewriter() {
        try {
            return new ObjectCategoryRewriter(new DN("DC=example,DC=com"));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
