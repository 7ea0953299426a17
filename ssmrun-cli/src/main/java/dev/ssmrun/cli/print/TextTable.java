package dev.ssmrun.cli.print;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for people: columns separated by two spaces, each as wide as its widest cell, no
 * trailing blanks. Widths are measured before painting, so colours never shift a column.
 */
final class TextTable {
  /** Paints one cell (already padded) of a data row; row 0 is the first row after the header. */
  interface Painter {
    String paint(int row, int column, String padded);
  }

  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    return render(header, rows, (row, column, padded) -> padded);
  }

  static String render(List<String> header, List<List<String>> rows, Painter painter) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (int r = 0; r < all.size(); r++) {
      List<String> row = all.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String cell = c == widths.length - 1 ? row.get(c) : pad(row.get(c), widths[c] + 2);
        line.append(r == 0 ? cell : painter.paint(r - 1, c, cell));
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
