package dk.brobygger.shared.web;

import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;

/**
 * Binds only the indexes a form can have, for every form and every controller. A request field such as
 * {@code schedules[100000].weekday} would make the binder grow a list to that size, {@code schedules[-1]}
 * fails inside the list, and {@code termIds[99999]} names an element a set cannot have: each is refused here,
 * before anything is bound, as a bad request with a Danish message ({@link PageErrors}, {@link ApiProblems}).
 * No form of ours has rows near {@link #MAX_ROWS}; the binder's own limit is set to the same number.
 */
@ControllerAdvice
class RequestBinding {

    /** The most rows a list in a form may have while it is bound; indexes run from 0 to one less. */
    static final int MAX_ROWS = 100;

    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");

    @InitBinder
    void bindOnlyIndexesAFormCanHave(WebDataBinder binder, WebRequest request) {
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
        for (Iterator<String> names = request.getParameterNames(); names.hasNext();) {
            String name = names.next();
            if (name.indexOf('[') >= 0 && !possible(name)) {
                throw new InvalidPropertyException(Object.class, name, "No form has this index");
            }
        }
    }

    /** Every numeric index in the name lies between 0 and {@link #MAX_ROWS} (map keys are not numbers). */
    private static boolean possible(String name) {
        Matcher index = INDEX.matcher(name);
        while (index.find()) {
            String key = index.group(1);
            if (key.matches("[-+]?\\d+")
                    && (key.startsWith("-") || key.length() > 4 || Integer.parseInt(key.replace("+", "")) >= MAX_ROWS)) {
                return false;
            }
        }
        return true;
    }
}
