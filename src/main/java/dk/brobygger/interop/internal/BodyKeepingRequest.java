package dk.brobygger.interop.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import ca.uhn.fhir.util.UrlUtil;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;

/**
 * A POST to the FHIR server whose body stays readable: the servlet container would otherwise consume a body sent
 * as {@code application/x-www-form-urlencoded} to fill the request parameters (a filter on the way or HAPI asks
 * for them first), and a message sent in that wrong format would reach {@code $process-message} empty instead of
 * being kept for the administrator. The body is read once; the parameters are the query string's, and the form's when it is one.
 */
final class BodyKeepingRequest extends HttpServletRequestWrapper {

    private byte @Nullable [] body;
    private @Nullable Map<String, String[]> parameters;

    BodyKeepingRequest(HttpServletRequest request) {
        super(request);
    }

    private byte[] body() throws IOException {
        if (body == null) {
            body = super.getInputStream().readAllBytes();
        }
        return body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        var bytes = new ByteArrayInputStream(body());
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        var charset = encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            String query = getQueryString() == null ? "" : getQueryString();
            String type = getContentType();
            try {
                parameters = type != null && type.startsWith("application/x-www-form-urlencoded")
                        ? UrlUtil.parseQueryStrings(query, new String(body(), StandardCharsets.UTF_8))
                        : UrlUtil.parseQueryString(query);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public @Nullable String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        return getParameterMap().get(name);
    }
}
