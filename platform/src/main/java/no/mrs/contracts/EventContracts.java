package no.mrs.contracts;

import no.mrs.contracts.goal.GoalBudgetEvent;
import no.mrs.contracts.goal.GoalEvent;
import no.mrs.contracts.goal.GoalLetterEvent;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.result.DeadLetterEvent;
import no.mrs.contracts.result.ResultEvent;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every published event type, found from the sealed interfaces of the contracts, so that a new record cannot be
 * published without being known here (and tested against its schema).
 */
public final class EventContracts {

    /** The sealed roots; a new aggregate's event interface is added here. */
    private static final List<Class<?>> ROOTS = List.of(
            UnitEvent.class, IndicatorEvent.class, GoalLetterEvent.class, GoalEvent.class, ResultEvent.class,
            GoalBudgetEvent.class, GoalProposalEvent.class, DeadLetterEvent.class);

    private static final Map<String, Class<? extends EventPayload>> BY_TYPE;

    static {
        Map<String, Class<? extends EventPayload>> byType = new LinkedHashMap<>();
        ROOTS.stream().flatMap(EventContracts::leaves).forEach(c -> {
            Class<? extends EventPayload> previous = byType.put(typeOf(c), c);
            if (previous != null) {
                throw new IllegalStateException("Two records claim the event type " + typeOf(c));
            }
        });
        BY_TYPE = Collections.unmodifiableMap(byType);
    }

    private EventContracts() {
    }

    public static Map<String, Class<? extends EventPayload>> all() {
        return BY_TYPE;
    }

    public static Optional<Class<? extends EventPayload>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static String typeOf(Class<?> payloadClass) {
        EventType annotation = payloadClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " has no @EventType");
        }
        return annotation.name() + ".v" + annotation.version();
    }

    public static String schemaResource(String type) {
        return "events/schemas/" + type + ".json";
    }

    @SuppressWarnings("unchecked")
    private static Stream<Class<? extends EventPayload>> leaves(Class<?> type) {
        if (type.isSealed()) {
            return Arrays.stream(type.getPermittedSubclasses()).flatMap(EventContracts::leaves);
        }
        return Stream.of((Class<? extends EventPayload>) type);
    }
}
