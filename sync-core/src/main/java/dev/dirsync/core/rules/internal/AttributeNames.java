package dev.dirsync.core.rules.internal;

/** The directory attribute names the rules read, spelled as the report shows them. */
final class AttributeNames {
    static final String CN = "cn";
    static final String DISPLAY_NAME = "displayName";
    static final String GIVEN_NAME = "givenName";
    static final String SN = "sn";
    static final String MAIL = "mail";
    static final String MAIL_NICKNAME = "mailNickname";
    static final String PROXY_ADDRESSES = "proxyAddresses";
    static final String SAM_ACCOUNT_NAME = "sAMAccountName";
    static final String TARGET_ADDRESS = "targetAddress";
    static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    static final String IS_CRITICAL_SYSTEM_OBJECT = "isCriticalSystemObject";
    static final String GROUP_TYPE = "groupType";
    static final String HOME_MDB = "homeMDB";

    private AttributeNames() {}
}
