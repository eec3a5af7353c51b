package no.mrs.devstack.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.DemoSeeder;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The NAV-scale benchmark organisation: the national unit, the 12 real regions, and offices numbered 6000 and up
 * spread over the regions; the 16 demo indicators (RATIO, COUNT and SCORE). Results are generated for any set of
 * (office, indicator, month) keys, deterministic for a given key.
 */
final class Dataset {

    static final List<String> REGIONS = List.of("0200", "0300", "0400", "0600", "0800", "1000", "1100", "1200",
            "1500", "1800", "1900", "5700");

    static String office(int index) {
        return Integer.toString(6000 + index);
    }

    static String regionOf(int officeIndex) {
        return REGIONS.get(officeIndex % REGIONS.size());
    }

    static List<DemoSeeder.Indicator> indicators() {
        return DemoSeeder.INDICATORS;
    }

    /** One result item as the REST API takes it. */
    static ObjectNode item(String prefix, int officeIndex, DemoSeeder.Indicator indicator, YearMonth period, int salt) {
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
    static List<ObjectNode> history(int fromOffice, int toOffice) {
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
    static List<ObjectNode> fresh(String prefix, int offices, int count, YearMonth newest) {
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

    static String body(List<ObjectNode> items) {
        ObjectNode body = Api.JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        results.addAll(items);
        return body.toString();
    }
}
