package no.mrs.reporting.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/**
 * The formats a read can be had in: JSON (the default), CSV for Norwegian Excel ({@link ExcelCsv}) and .xlsx
 * ({@link Xlsx}). Chosen by {@code ?format=json|csv|xlsx}, which wins, or else by the {@code Accept} header in the
 * client's order of preference ({@code *}{@code /*} and {@code application/json} give JSON).
 */
public enum ExportFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    CSV(ExportFormat.CSV_TYPE, "csv"),
    XLSX(Xlsx.MEDIA_TYPE, "xlsx");

    public static final String CSV_TYPE = "text/csv";
    /** The values {@code ?format=} accepts; anything else is a 400 naming the field. */
    public static final String PARAMETER = "json|csv|xlsx";
    public static final String PARAMETER_MESSAGE = "must be json, csv or xlsx";
    public static final String PARAMETER_DESCRIPTION = "json, csv (semicolons, decimal comma, UTF-8 BOM: for"
            + " Norwegian Excel) or xlsx; wins over Accept";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format asked for: the {@code format} parameter (already validated) if given, else by {@code Accept}. */
    public static ExportFormat choose(String format, List<MediaType> acceptable) {
        if (format != null) {
            return valueOf(format.toUpperCase(Locale.ROOT));
        }
        MediaType csv = MediaType.valueOf(CSV_TYPE);
        MediaType xlsx = MediaType.valueOf(Xlsx.MEDIA_TYPE);
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return JSON;
            }
            if (type.isCompatible(csv)) {
                return CSV;
            }
            if (type.isCompatible(xlsx)) {
                return XLSX;
            }
        }
        return JSON;
    }

    /**
     * The table as a download in this format (CSV or XLSX), with {@code Content-Disposition: attachment} and the
     * file name {@code <name>.<csv|xlsx>}; the name is built from ids the caller has already found in the model.
     */
    public Response download(Table table, String name) {
        byte[] body = switch (this) {
            case CSV -> ExcelCsv.write(table);
            case XLSX -> Xlsx.write(table);
            case JSON -> throw new IllegalStateException("JSON is not a download");
        };
        String type = this == CSV ? CSV_TYPE + ";charset=UTF-8" : mediaType;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "."
                        + extension + "\"")
                .build();
    }
}
