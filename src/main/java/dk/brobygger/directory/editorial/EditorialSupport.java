package dk.brobygger.directory.editorial;

import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.WebDataBinder;

/** Small rules every editorial page follows. */
final class EditorialSupport {

    private EditorialSupport() {
    }

    /** Blank fields become empty, so "optional" means optional and limits count real characters. */
    static void trimStrings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** Association editors only touch their own organisation; everyone else is refused (403). */
    static void requireMayEdit(BrobyggerUser user, UUID organizationId) {
        if (!user.mayEdit(organizationId)) {
            throw new AccessDeniedException(user.username() + " may not edit organisation " + organizationId);
        }
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(id);
        }
    }

    /** The path and query of a Referer header, to go back where the click came from. */
    static @Nullable String pathOf(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            var uri = java.net.URI.create(url);
            return uri.getRawPath() == null ? null
                    : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Only a path on this site, so a crafted link cannot send the editor elsewhere after a click. */
    static boolean isLocalPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && !path.contains("://");
    }
}
