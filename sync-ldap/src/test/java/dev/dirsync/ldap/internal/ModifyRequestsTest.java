package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.FixAction;
import dev.dirsync.core.fix.FixPlanner;
import dev.dirsync.core.fix.FixRow;
import dev.dirsync.core.fix.RowPlan;
import org.junit.jupiter.api.Test;

/** Without the assertion control (Active Directory), the modify guards itself by naming values. */
class ModifyRequestsTest {
    private static final String DN = "CN=Anna,OU=People,DC=example,DC=com";

    private static AttributeChange change(String attribute, String value, String update, FixAction action) {
        return ((RowPlan.Change) FixPlanner.plan(new FixRow(2, DN, attribute, value, update, action))).change();
    }

    @Test
    void editSingleValued_withoutAssertions_deletesTheExpectedValueAndAddsTheNewOne() {
        ModifyRequest request =
                ModifyRequests.of(change("mail", "anna@corp.local", "anna@example.com", FixAction.EDIT), false);
        assertThat(request.getControls()).isEmpty();
        assertThat(request.getModifications())
                .containsExactly(
                        new Modification(ModificationType.DELETE, "mail", "anna@corp.local"),
                        new Modification(ModificationType.ADD, "mail", "anna@example.com"));
    }

    @Test
    void editProxyAddress_withoutAssertions_isAlreadyValueGuarded() {
        ModifyRequest request = ModifyRequests.of(
                change("proxyAddresses", "smtp:a b@example.com", "smtp:ab@example.com", FixAction.EDIT), false);
        assertThat(request.getModifications())
                .containsExactly(
                        new Modification(ModificationType.DELETE, "proxyAddresses", "smtp:a b@example.com"),
                        new Modification(ModificationType.ADD, "proxyAddresses", "smtp:ab@example.com"));
    }

    @Test
    void withAssertions_theControlIsCritical() {
        ModifyRequest request =
                ModifyRequests.of(change("mail", "anna@corp.local", "anna@example.com", FixAction.EDIT), true);
        assertThat(request.getControls()).singleElement().satisfies(control -> {
            assertThat(control.getOID()).isEqualTo(ModifyRequests.ASSERTION_CONTROL_OID);
            assertThat(control.isCritical()).isTrue();
        });
    }
}
