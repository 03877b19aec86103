package org.patchbay.core.instructions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI reference split into its five RFC 3986 components, each null when absent (an empty
 * authority or query is not an absent one). Resolution follows RFC 3986 section 5.2 rather than
 * {@link java.net.URI#resolve}, which mishandles query-only references and empty base paths
 * and rejects the unencoded characters customers put in their URLs.
 */
public record UriReference(String scheme, String authority, String path, String query, String fragment) {

    // RFC 3986 appendix B: matches every string, splitting it into its components.
    private static final Pattern COMPONENTS =
            Pattern.compile("^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?$", Pattern.DOTALL);

    public static UriReference parse(String reference) {
        Matcher m = COMPONENTS.matcher(reference);
        if (!m.matches()) {
            throw new IllegalStateException("RFC 3986 appendix B matches every string: " + reference);
        }
        return new UriReference(m.group(2), m.group(4), m.group(5), m.group(7), m.group(9));
    }

    /** RFC 3986 section 5.2.2: this reference resolved against an absolute base. */
    public UriReference resolveAgainst(UriReference base) {
        if (scheme != null) {
            return new UriReference(scheme, authority, removeDotSegments(path), query, fragment);
        }
        if (authority != null) {
            return new UriReference(base.scheme, authority, removeDotSegments(path), query, fragment);
        }
        if (path.isEmpty()) {
            return new UriReference(base.scheme, base.authority, base.path, query != null ? query : base.query, fragment);
        }
        String targetPath = path.startsWith("/") ? path : mergeWith(base);
        return new UriReference(base.scheme, base.authority, removeDotSegments(targetPath), query, fragment);
    }

    /** The host without user info, port or IPv6 brackets; null without an authority. */
    public String host() {
        if (authority == null) {
            return null;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? "" : hostPort.substring(1, close);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** The explicit port; -1 when there is none, -2 when it is not a port number. */
    public int port() {
        if (authority == null) {
            return -1;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || colon < hostPort.lastIndexOf(']')) {
            return -1;
        }
        String digits = hostPort.substring(colon + 1);
        if (digits.isEmpty()) {
            return -1;
        }
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -2;
    }

    /** RFC 3986 section 5.3. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (scheme != null) {
            out.append(scheme).append(':');
        }
        if (authority != null) {
            out.append("//").append(authority);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        if (fragment != null) {
            out.append('#').append(fragment);
        }
        return out.toString();
    }

    private String mergeWith(UriReference base) {
        if (base.authority != null && base.path.isEmpty()) {
            return "/" + path;
        }
        return base.path.substring(0, base.path.lastIndexOf('/') + 1) + path;
    }

    /** RFC 3986 section 5.2.4, rule by rule. */
    static String removeDotSegments(String path) {
        String input = path;
        StringBuilder output = new StringBuilder(path.length());
        while (!input.isEmpty()) {
            if (input.startsWith("../")) {
                input = input.substring(3);
            } else if (input.startsWith("./")) {
                input = input.substring(2);
            } else if (input.startsWith("/./")) {
                input = input.substring(2);
            } else if (input.equals("/.")) {
                input = "/";
            } else if (input.startsWith("/../")) {
                input = input.substring(3);
                dropLastSegment(output);
            } else if (input.equals("/..")) {
                input = "/";
                dropLastSegment(output);
            } else if (input.equals(".") || input.equals("..")) {
                input = "";
            } else {
                int end = input.indexOf('/', input.startsWith("/") ? 1 : 0);
                if (end < 0) {
                    end = input.length();
                }
                output.append(input, 0, end);
                input = input.substring(end);
            }
        }
        return output.toString();
    }

    private static void dropLastSegment(StringBuilder output) {
        output.setLength(Math.max(0, output.lastIndexOf("/")));
    }
}
