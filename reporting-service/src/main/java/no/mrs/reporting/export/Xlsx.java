package no.mrs.reporting.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An Excel workbook (.xlsx, Apache POI) of one sheet: the headings in bold and frozen, numbers as numeric cells with
 * their full precision (Excel shows them by the reader's locale), text as text, empty cells for no data. Written with
 * POI's streaming workbook, which keeps a window of rows in memory and the rest in a temporary file that is deleted
 * when the workbook is closed.
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int ROWS_IN_MEMORY = 100;

    private Xlsx() {
    }

    public static byte[] write(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheetName()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Row first = sheet.createRow(0);
            List<String> headings = table.headings();
            for (int c = 0; c < headings.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(headings.get(c));
                cell.setCellStyle(heading);
                // a width by the heading (in 1/256 of a character), no auto-size (that needs the fonts of AWT)
                sheet.setColumnWidth(c, Math.min(60, Math.max(10, headings.get(c).length() + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> cells : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (value instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The workbook could not be written", e);
        }
    }
}
