package dev.tablecloud.web.api.problem;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Input the engine cannot take is refused with 400 and its place, before any resource sees it,
 * instead of failing deep inside as a 500:
 * <ul>
 * <li>a NUL character ({@code \u0000}, {@code %00}) in a path segment, a query parameter or a string
 * of the body: PostgreSQL refuses it in text ("invalid byte sequence for encoding UTF8: 0x00");</li>
 * <li>a JSON body that is just {@code null}, or {@code null} as an element of a list
 * ({@code {"freezes": [null]}}): JSON-B reads them as nulls, which the engine would meet as a
 * NullPointerException.</li>
 * </ul>
 * A request with no body never reaches a reader, so operations whose body is optional keep taking
 * none; a null member of an object stays allowed, as "not given". Runs after sign-in, so a caller
 * who is not signed in learns only that.
 */
@Provider
@Priority(Priorities.USER)
public class UnstorableInputRefused implements ContainerRequestFilter, ReaderInterceptor {

    /** Bodies are shallow; deeper than this is not walked. */
    private static final int DEEPEST = 6;
    static final String NUL = "A NUL character (\\u0000) cannot be stored: leave it out.";

    @Override
    public void filter(ContainerRequestContext context) {
        List<FieldError> errors = new ArrayList<>();
        addNuls(context.getUriInfo().getPathParameters(), errors);
        addNuls(context.getUriInfo().getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void addNuls(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
                errors.add(new FieldError(name.replace("\0", "\\u0000"), NUL));
            }
        });
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        List<FieldError> errors = new ArrayList<>();
        boolean json = context.getMediaType() != null && context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (body == null && json) {
            errors.add(new FieldError("body", "The body is JSON null: send the JSON this operation takes."));
        } else {
            collect(body, "", errors, 0);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return body;
    }

    static void collect(Object value, String path, List<FieldError> errors, int depth) {
        if (value == null || depth > DEEPEST) {
            return;
        }
        if (value instanceof String text) {
            if (text.indexOf('\0') >= 0) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, NUL));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String place = (path.isEmpty() ? "body" : path) + "[" + i + "]";
                if (list.get(i) == null) {
                    errors.add(new FieldError(place, "null is not an element: leave it out of the list."));
                } else {
                    collect(list.get(i), place, errors, depth + 1);
                }
            }
        } else if (value.getClass().isRecord() && value.getClass().getPackageName().startsWith("dev.tablecloud")) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(value),
                            path.isEmpty() ? component.getName() : path + "." + component.getName(), errors, depth + 1);
                } catch (IllegalAccessException | InvocationTargetException unreadable) {
                    // a component we cannot read is one we cannot judge: the engine checks it
                }
            }
        }
    }
}
