package no.mrs.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.DemoSeeder;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.Stack;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The NAV-scale benchmark organisation: the national unit, the 12 real regions, and offices numbered 6000 and up
 * spread over the regions; the 16 demo indicators (RATIO, COUNT and SCORE). Results are generated for any set of
 * (office, indicator, month) keys, deterministic for a given key.
 */
public final class Dataset {

    static final List<String> REGIONS = List.of("0200", "0300", "0400", "0600", "0800", "1000", "1100", "1200",
            "1500", "1800", "1900", "5700");

    public static String office(int index) {
        return Integer.toString(6000 + index);
    }

    public static String regionOf(int officeIndex) {
        return REGIONS.get(officeIndex % REGIONS.size());
    }

    /** The index of an office id made by {@link #office(int)}. */
    public static int officeIndex(String officeId) {
        return Integer.parseInt(officeId) - 6000;
    }

    public static DemoSeeder.Indicator indicator(String indicatorId) {
        return indicators().stream().filter(i -> i.id().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a bench indicator: " + indicatorId));
    }

    public static List<DemoSeeder.Indicator> indicators() {
        return DemoSeeder.INDICATORS;
    }

    /** One result item as the REST API takes it. */
    public static ObjectNode item(String prefix, int officeIndex, DemoSeeder.Indicator indicator, YearMonth period, int salt) {
        ObjectNode item = Api.JSON.createObjectNode()
                .put("measurementId", prefix + "/" + period + "/" + office(officeIndex) + "/" + indicator.id())
                .put("unitId", office(officeIndex)).put("indicatorId", indicator.id()).put("period", period.toString());
        int hash = Math.floorMod((officeIndex * 31 + period.getMonthValue()) * 17 + period.getYear() + salt, 97);
        switch (indicator.measure()) {
            case "RATIO" -> {
                int denominator = 100 + hash;
                item.put("numerator", Math.round(denominator * indicator.ytd() / 100.0 * (0.9 + hash / 485.0)))
                        .put("denominator", denominator);
            }
            case "COUNT" -> item.put("value", 5 + hash);
            default -> {
                int respondents = 20 + hash % 30;
                item.put("numerator", respondents * 4 + hash % 20).put("denominator", respondents);
            }
        }
        return item;
    }

    /** The 24 months of 2020–2021 for offices [from, to): what the scorecards show. */
    public static List<ObjectNode> history(int fromOffice, int toOffice) {
        List<ObjectNode> items = new ArrayList<>();
        for (int office = fromOffice; office < toOffice; office++) {
            for (DemoSeeder.Indicator indicator : indicators()) {
                for (int m = 0; m < 24; m++) {
                    items.add(item("hist", office, indicator, YearMonth.of(2020, 1).plusMonths(m), 0));
                }
            }
        }
        return items;
    }

    /**
     * {@code count} fresh results on keys nobody has reported yet: months going back from 2019-12, all offices
     * and indicators of each month before the next.
     */
    public static List<ObjectNode> fresh(String prefix, int offices, int count, YearMonth newest) {
        List<ObjectNode> items = new ArrayList<>(count);
        YearMonth period = newest;
        while (items.size() < count) {
            for (int office = 0; office < offices && items.size() < count; office++) {
                for (DemoSeeder.Indicator indicator : indicators()) {
                    if (items.size() == count) {
                        break;
                    }
                    items.add(item(prefix, office, indicator, period, 1));
                }
            }
            period = period.minusMonths(1);
        }
        return items;
    }

    /**
     * Registers offices [from, to) through goal-service; when {@code from} is 0 also the national unit, the
     * regions, the indicators and a published 2021 goal letter with the demo's steering goals.
     */
    public static void register(Api api, Stack stack, int from, int to) throws Exception {
        String goal = stack.url(MrsService.GOAL);
        if (from == 0) {
            api.expect("PUT", goal + "/api/units/0000", api.directorate, "{\"name\":\"Norge\",\"level\":\"NATIONAL\"}", 200, 201);
            for (String region : REGIONS) {
                api.expect("PUT", goal + "/api/units/" + region, api.directorate,
                        "{\"name\":\"Region " + region + "\",\"level\":\"REGION\",\"parentId\":\"0000\"}", 200, 201);
            }
            for (DemoSeeder.Indicator indicator : indicators()) {
                ObjectNode body = Api.JSON.createObjectNode().put("name", indicator.name())
                        .put("perspective", indicator.perspective()).put("measure", indicator.measure())
                        .put("direction", "HIGHER_IS_BETTER").put("description", "load test");
                if (indicator.measure().equals("SCORE")) {
                    body.put("scaleMin", 1).put("scaleMax", 6);
                }
                api.expect("PUT", goal + "/api/indicators/" + indicator.id(), api.directorate, body.toString(), 200, 201);
            }
            ObjectNode letter = Api.JSON.createObjectNode().put("year", 2021).put("issuerUnitId", "0000")
                    .put("title", "Load test 2021");
            letter.putArray("mainGoals").add("Flere i arbeid");
            ArrayNode goals = letter.putArray("goals");
            DemoSeeder.STEERING.forEach((indicator, target) -> goals.addObject().put("indicatorId", indicator)
                    .put("classification", "STEERING").put("target", target).put("mainGoal", "Flere i arbeid")
                    .put("localAdjustment", "ALLOWED"));
            JsonNode draft = api.expect("POST", goal + "/api/goal-letters", api.directorate, letter.toString(), 201);
            api.expect("POST", goal + "/api/goal-letters/" + draft.path("letterId").asText() + "/publication",
                    api.directorate, null, 200, 201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int office = from; office < to; office++) {
                int index = office;
                puts.add(pool.submit(() -> api.expect("PUT", goal + "/api/units/" + office(index), api.directorate,
                        "{\"name\":\"Office " + office(index) + "\",\"level\":\"OFFICE\",\"parentId\":\""
                                + regionOf(index) + "\"}", 200, 201)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    public static String body(List<ObjectNode> items) {
        ObjectNode body = Api.JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        results.addAll(items);
        return body.toString();
    }
}
