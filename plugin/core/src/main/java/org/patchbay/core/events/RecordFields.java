package org.patchbay.core.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's components as JSON-ready values (nested records as maps, characters as strings), read through
 * the components' accessors, which are looked up once per class: every ARI event of every call goes through
 * here, and a general-purpose object mapper costs several times more per event.
 */
final class RecordFields {
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private RecordFields() {
    }

    static Map<String, Object> of(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            try {
                fields.put(component.getName(), plain(component.getAccessor().invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
            }
        }
        return fields;
    }

    private static Object plain(Object value) {
        if (value instanceof Record nested) {
            return of(nested);
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            Collection<Object> copy = new ArrayList<>();
            items.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        return value;
    }
}
