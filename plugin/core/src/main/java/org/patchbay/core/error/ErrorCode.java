package org.patchbay.core.error;

/** The Twilio error codes Patchbay mirrors, so that a Twilio developer sees the codes they know. */
public enum ErrorCode {
    INBOUND_ACCOUNT_INACTIVE(10003, "Incoming call rejected due to inactive account"),
    CALL_CONCURRENCY_LIMIT(10004, "Call concurrency limit exceeded"),
    INVALID_URL(11100, "Invalid URL format"),
    HTTP_RETRIEVAL_FAILURE(11200, "HTTP retrieval failure"),
    HTTP_CONNECTION_FAILURE(11205, "HTTP connection failure"),
    HTTP_UNKNOWN_HOST(11210, "HTTP bad host name"),
    HTTP_TOO_MANY_REDIRECTS(11215, "HTTP too many redirects"),
    /** Patchbay's own: Twilio has no outbound address policy, so no code of its own to mirror. */
    OUTBOUND_REFUSED(11290, "URL refused by the outbound request policy"),
    DOCUMENT_PARSE_FAILURE(12100, "Document parse failure"),
    SCHEMA_VALIDATION_WARNING(12200, "Schema validation warning"),
    INVALID_CONTENT_TYPE(12300, "Invalid Content-Type"),
    PLAY_INVALID_CONTENT_TYPE(13420, "Play: Invalid Content-Type"),
    INTERNAL_FAILURE(20001, "Unknown parameters"),
    AUTHENTICATION_FAILED(20003, "Authenticate"),
    ACCOUNT_NOT_ACTIVE(20005, "Account not active"),
    ACCESS_TOKEN_INVALID(20101, "Invalid Access Token"),
    ACCESS_TOKEN_HEADER(20102, "Invalid Access Token header"),
    ACCESS_TOKEN_ISSUER_SUBJECT(20103, "Invalid Access Token issuer/subject"),
    ACCESS_TOKEN_EXPIRED(20104, "Access Token expired or expiration date invalid"),
    ACCESS_TOKEN_NOT_YET_VALID(20105, "Access Token not yet valid"),
    ACCESS_TOKEN_GRANTS(20106, "Invalid Access Token grants"),
    ACCESS_TOKEN_SIGNATURE(20107, "Invalid Access Token signature"),
    ACCESS_TOKEN_KEY_REVOKED(20151, "Authentication Failed"),
    ACCESS_TOKEN_TOO_LONG(20157, "Expiration Time Exceeds Maximum Time Allowed"),
    NOT_FOUND(20404, "The requested resource was not found"),
    TOO_MANY_REQUESTS(20429, "Too Many Requests"),
    METHOD_NOT_ALLOWED(20004, "Method not allowed"),
    INVALID_PARAMETER(21200, "Invalid parameter"),
    MISSING_TO(21201, "No 'To' number is specified"),
    INVALID_URL_PARAMETER(21205, "Url is not a valid URL"),
    MISSING_FROM(21603, "A 'From' phone number is required"),
    INVALID_TO(21211, "Invalid 'To' Phone Number"),
    INVALID_FROM(21212, "Invalid 'From' Phone Number"),
    MISSING_URL(21205, "Url parameter is required"),
    CALL_NOT_IN_PROGRESS(21220, "Call is not in-progress. Cannot redirect."),
    REQUEST_TOO_LARGE(20413, "Request entity too large"),
    FORBIDDEN(20403, "Forbidden"),
    UNSUPPORTED_MEDIA_TYPE(20415, "Unsupported media type"),
    INTERNAL_SERVER_ERROR(20500, "Internal server error"),
    SERVICE_UNAVAILABLE(20503, "Service unavailable"),
    INVALID_MACHINE_DETECTION(21234, "Invalid Machine Detection configuration value"),
    INVALID_APPLICATION_SID(21218, "Invalid ApplicationSid"),
    INVALID_CALL_STATE(21220, "Invalid call state"),
    APPLICATION_SID_NOT_ACCESSIBLE(21420, "ApplicationSid is not accessible"),
    INVALID_PHONE_NUMBER(21421, "PhoneNumber is invalid"),
    PHONE_NUMBER_NOT_AVAILABLE(21422, "PhoneNumber is not available");

    private final int code;
    private final String title;

    ErrorCode(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String moreInfo() {
        return "https://www.twilio.com/docs/errors/" + code;
    }
}
