package no.mrs.reporting.export;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.count;
import static no.mrs.reporting.support.Events.indicator;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The exports of scorecards, series, comparisons and a region's offices: CSV for Norwegian Excel and .xlsx (read
 * back with Apache POI) carry exactly the figures of the JSON; the format is chosen by Accept or ?format=; a bad
 * format is a 400 naming the field, an Accept nothing can answer a 406, both problems.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ExportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static boolean fed;

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        // two offices in Nav Vest, one in Nav Øst; a ratio with repeating decimals (2/3) and a count
        Api.publish(national("8000", "Eksportland"), region("8100", "Nav Vest", "8000"),
                region("8200", "Nav Øst", "8000"), office("8101", "Nav Bø", "8100"),
                office("8102", "Nav Ås; sentrum", "8100"), office("8201", "Nav Øyer", "8200"),
                ratio("TX.1", "Andel i arbeid"),
                indicator("TX.2", "=Antall \"fått jobben\"", Measure.COUNT, Direction.HIGHER_IS_BETTER,
                        Perspective.USER),
                centralGoal("8000", "TX.1", 2021, 70.5), centralGoal("8000", "TX.2", 2021, 12),
                result("8101", "TX.1", "2021-05", 2, 3), result("8101", "TX.1", "2021-06", 77, 100, "Ferie; stengt"),
                result("8102", "TX.1", "2021-06", 1, 3), result("8201", "TX.1", "2021-06", 50, 80),
                result("8101", "TX.1", "2020-06", 60, 100), count("8101", "TX.2", "2021-06", 15),
                count("8102", "TX.2", "2021-06", 1234567), count("8201", "TX.2", "2021-06", 9));
    }

    // ------------------------------------------------------------------ scorecard

    @Test
    void theScorecardAsXlsxHasTheFiguresOfTheJson() throws IOException {
        JsonPath json = Api.scorecard("8100", "2021-06");
        Response response = given().auth().oauth2(Api.VIEWER).accept(XLSX).queryParam("period", "2021-06")
                .get("/api/scorecards/8100");
        response.then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"malekort-8100-2021-06.xlsx\""));
        List<List<Object>> sheet = read(response.asByteArray());
        assertThat(sheet.get(0)).containsExactly("Perspektiv", "MK ID", "Navn", "Mål", "Trend", "Hittil i året I år",
                "Hittil i året I fjor", "Denne perioden I år", "Denne perioden I fjor", "Status", "Målets opphav",
                "Uvanlig tall: forventet fra", "Uvanlig tall: forventet til");
        List<Map<String, Object>> rows = json.getList("perspectives.rows.flatten()");
        assertThat(sheet).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(sheet.get(i + 1)).as("row " + (i + 1)).containsExactlyElementsOf(expectedCells(json, i));
        }
        // the figures worked out by hand: Nav Vest, June 2021: (77 + 1) / (100 + 3)
        assertThat((Double) sheet.get(1).get(7)).isCloseTo(100.0 * 78 / 103, within(1e-9));
        assertThat(sheet.get(2).get(7)).isEqualTo(15.0 + 1234567);
    }

    @Test
    void theScorecardAsCsvOpensInNorwegianExcel() {
        Response response = given().auth().oauth2(Api.VIEWER).accept("text/csv").queryParam("period", "2021-06")
                .get("/api/scorecards/8101");
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"malekort-8101-2021-06.csv\""));
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("a UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        // 8101: year to date (2 + 77) / (3 + 100) = 76.699…, written with a decimal comma; no trend (no earlier window)
        Double ytd = Api.row("8101", "2021-06", "TX.1").ytd();
        assertThat(ytd).isCloseTo(100.0 * 79 / 103, within(1e-9));
        assertThat(comma(ytd)).startsWith("76,699029126").doesNotContain(".");
        assertThat(csv.split("\r\n")).containsExactly(
                "Perspektiv;MK ID;Navn;Mål;Trend;Hittil i året I år;Hittil i året I fjor;Denne perioden I år;"
                        + "Denne perioden I fjor;Status;Målets opphav;Uvanlig tall: forventet fra;"
                        + "Uvanlig tall: forventet til",
                "USER;TX.1;Andel i arbeid;70,5;;" + comma(ytd) + ";60;77;60;ON_TARGET;CENTRAL;;",
                "USER;TX.2;\"'=Antall \"\"fått jobben\"\"\";12;;15;;15;;ON_TARGET;CENTRAL;;");
    }

    @Test
    void formatWinsOverAccept() {
        given().auth().oauth2(Api.VIEWER).accept("application/json").queryParam("period", "2021-06")
                .queryParam("format", "xlsx").get("/api/scorecards/8100").then().statusCode(200).contentType(XLSX);
        given().auth().oauth2(Api.VIEWER).accept(XLSX).queryParam("period", "2021-06").queryParam("format", "json")
                .get("/api/scorecards/8100").then().statusCode(200).contentType("application/json")
                .body("unitId", equalTo("8100"));
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06").queryParam("format", "csv")
                .get("/api/scorecards/8100").then().statusCode(200).contentType(startsWith("text/csv"));
    }

    // ------------------------------------------------------------------ a region's offices in one sheet

    @Test
    void aRegionsOfficesAreInOneSheetWithTheFiguresOfEachOfficesScorecard() throws IOException {
        JsonPath offices = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06")
                .get("/api/scorecards/8100/offices").then().statusCode(200).contentType("application/json")
                .body("unitId", equalTo("8100")).body("unitName", equalTo("Nav Vest"))
                .body("offices.unitId", contains("8101", "8102")).extract().asString());
        assertThat(offices.getList("offices")).hasSize(2);

        Response response = given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06")
                .queryParam("format", "xlsx").get("/api/scorecards/8100/offices");
        response.then().statusCode(200).contentType(XLSX).header("Content-Disposition",
                equalTo("attachment; filename=\"malekort-kontorer-8100-2021-06.xlsx\""));
        List<List<Object>> sheet = read(response.asByteArray());
        assertThat(sheet.get(0).subList(0, 3)).containsExactly("Enhet ID", "Enhet", "Perspektiv");
        List<List<Object>> expected = new ArrayList<>();
        for (String office : List.of("8101", "8102")) {
            // each office's rows are those of its own scorecard
            JsonPath card = Api.scorecard(office, "2021-06");
            int rows = card.getList("perspectives.rows.flatten()").size();
            for (int i = 0; i < rows; i++) {
                List<Object> cells = new ArrayList<>(List.of(office, card.getString("unitName")));
                cells.addAll(expectedCells(card, i));
                expected.add(cells);
            }
        }
        assertThat(sheet.subList(1, sheet.size())).containsExactlyElementsOf(expected);
        assertThat(sheet).anySatisfy(row -> assertThat(row).startsWith("8102", "Nav Ås; sentrum", "USER", "TX.2")
                .contains(1234567.0));

        // the nation's sheet has every office; the CSV is Excel's
        byte[] csv = given().auth().oauth2(Api.VIEWER).accept("text/csv").queryParam("period", "2021-06")
                .get("/api/scorecards/8000/offices").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        Double third = Api.row("8102", "2021-06", "TX.1").month();
        assertThat(text).startsWith("\uFEFFEnhet ID;Enhet;Perspektiv;MK ID;");
        assertThat(text.split("\r\n")).hasSize(1 + 6)
                .contains("8102;\"Nav Ås; sentrum\";USER;TX.1;Andel i arbeid;70,5;;" + comma(third) + ";;"
                        + comma(third) + ";;OFF_TARGET;CENTRAL;;");
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06").get("/api/scorecards/0999/offices")
                .then().statusCode(404).contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ series and comparison

    @Test
    void theSeriesExportsWithTheFiguresOfTheJson() throws IOException {
        JsonPath json = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-04").queryParam("to", "2021-06")
                .get("/api/series/8101/TX.1").then().statusCode(200).extract().asString());
        Response response = given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-04").queryParam("to", "2021-06")
                .queryParam("format", "xlsx").get("/api/series/8101/TX.1");
        response.then().statusCode(200).contentType(XLSX).header("Content-Disposition",
                equalTo("attachment; filename=\"serie-8101-TX.1-2021-04-2021-06.xlsx\""));
        List<List<Object>> sheet = read(response.asByteArray());
        assertThat(sheet.get(0)).containsExactly("Periode", "Verdi", "Teller", "Nevner", "Mål",
                "Uvanlig tall: forventet fra", "Uvanlig tall: forventet til", "Kommentar");
        for (int i = 0; i < 3; i++) {
            String p = "[" + i + "].";
            assertThat(sheet.get(i + 1)).containsExactly(json.get(p + "period"), json.get(p + "value"),
                    json.get(p + "numerator"), json.get(p + "denominator"), json.get(p + "target"),
                    json.get(p + "outlier.expectedLow"), json.get(p + "outlier.expectedHigh"), json.get(p + "comment"));
        }
        byte[] csv = given().auth().oauth2(Api.VIEWER).accept("text/csv").queryParam("from", "2021-04")
                .queryParam("to", "2021-06").get("/api/series/8101/TX.1").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "\uFEFFPeriode;Verdi;Teller;Nevner;Mål;Uvanlig tall: forventet fra;Uvanlig tall: forventet til;Kommentar",
                "2021-04;;;;70,5;;;",
                "2021-05;" + comma(json.getDouble("[1].value")) + ";2;3;70,5;;;",
                "2021-06;77;77;100;70,5;;;\"Ferie; stengt\"");
    }

    @Test
    void theComparisonExportsWithTheFiguresOfTheJson() throws IOException {
        JsonPath json = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06")
                .get("/api/comparisons/8000/TX.1").then().statusCode(200).extract().asString());
        Response response = given().auth().oauth2(Api.VIEWER).accept(XLSX).queryParam("period", "2021-06")
                .get("/api/comparisons/8000/TX.1");
        response.then().statusCode(200).contentType(XLSX).header("Content-Disposition",
                equalTo("attachment; filename=\"sammenligning-8000-TX.1-2021-06.xlsx\""));
        List<List<Object>> sheet = read(response.asByteArray());
        assertThat(sheet.get(0)).containsExactly("Rangering", "Enhet ID", "Enhet", "Hittil i året", "Denne perioden");
        assertThat(sheet).hasSize(3);
        for (int i = 0; i < 2; i++) {
            String p = "[" + i + "].";
            assertThat(sheet.get(i + 1)).containsExactly(((Number) json.get(p + "rank")).doubleValue(),
                    json.get(p + "unitId"), json.get(p + "unitName"), json.get(p + "yearToDate"), json.get(p + "period"));
        }
        byte[] csv = given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06").queryParam("format", "csv")
                .get("/api/comparisons/8000/TX.1").then().statusCode(200).extract().asByteArray();
        // Nav Vest's year to date 80/106 (75.47…) before Nav Øst's 50/80 (62.5)
        assertThat(json.getDouble("[0].yearToDate")).isCloseTo(100.0 * 80 / 106, within(1e-9));
        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "\uFEFFRangering;Enhet ID;Enhet;Hittil i året;Denne perioden",
                "1;8100;Nav Vest;" + comma(json.getDouble("[0].yearToDate")) + ";" + comma(json.getDouble("[0].period")),
                "2;8200;Nav Øst;62,5;62,5");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void anUnknownFormatIsABadRequestNamingTheField() {
        for (String path : List.of("/api/scorecards/8100?period=2021-06", "/api/scorecards/8100/offices?period=2021-06",
                "/api/series/8101/TX.1?from=2021-01&to=2021-06", "/api/comparisons/8000/TX.1?period=2021-06")) {
            given().auth().oauth2(Api.VIEWER).urlEncodingEnabled(false).get(path + "&format=pdf").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", contains("format"));
            given().auth().oauth2(Api.VIEWER).urlEncodingEnabled(false).get(path + "&format=XLSX").then()
                    .statusCode(400).body("errors.field", contains("format"));
            given().auth().oauth2(Api.VIEWER).accept("application/xml").get(path).then().statusCode(406)
                    .contentType("application/problem+json").body("type", equalTo("urn:mrs:problem:not-acceptable"));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The cells the sheet should have for the i-th row of a scorecard's JSON, in the målekort's column order. */
    private static List<Object> expectedCells(JsonPath card, int i) {
        String row = "perspectives.rows.flatten()[" + i + "].";
        String trend = card.getString(row + "trend");
        List<Object> cells = new ArrayList<>();
        cells.add(card.getString("perspectives.find { p -> p.rows.any { it.indicatorId == '"
                + card.getString(row + "indicatorId") + "' } }.perspective"));
        cells.add(card.getString(row + "indicatorId"));
        cells.add(card.getString(row + "name"));
        cells.add(card.get(row + "goal.target"));
        cells.add(trend == null ? null : Map.of("UP", "↑", "DOWN", "↓", "FLAT", "→").get(trend));
        cells.add(card.get(row + "yearToDate.thisYear"));
        cells.add(card.get(row + "yearToDate.lastYear"));
        cells.add(card.get(row + "period.thisYear"));
        cells.add(card.get(row + "period.lastYear"));
        cells.add(card.getString(row + "status"));
        cells.add(card.getString(row + "goal.origin"));
        cells.add(card.get(row + "outlier.expectedLow"));
        cells.add(card.get(row + "outlier.expectedHigh"));
        return cells;
    }

    /** Every row of the workbook's only sheet as Strings, Doubles and nulls (an empty cell), one per heading. */
    static List<List<Object>> read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null || cell.getCellType() == CellType.BLANK) {
                        cells.add(null);
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(cell.getNumericCellValue());
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String comma(double value) {
        return ExcelCsv.number(value);
    }
}
