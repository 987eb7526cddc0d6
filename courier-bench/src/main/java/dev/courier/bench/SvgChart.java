package dev.courier.bench;

import java.util.List;

/**
 * Draws the results as an SVG bar chart: one small panel per scenario (each with its own scale,
 * since requests/s, MiB/s and ops/s differ by orders of magnitude), one bar per library, two panels
 * per row. Courier's bars are red, peers blue, floors grey, so the eye finds them without a legend.
 */
final class SvgChart {

    private static final int PANEL_WIDTH = 480;
    private static final int LABEL_WIDTH = 120;
    private static final int BAR_MAX = 250;
    private static final int BAR_HEIGHT = 16;
    private static final int BAR_GAP = 4;
    private static final int TITLE_HEIGHT = 22;
    private static final int PANEL_GAP = 16;
    private static final int HEADER = 40;

    private SvgChart() {
    }

    static String render(Results r) {
        List<String[]> scenarios = r.scenarios();
        StringBuilder body = new StringBuilder();
        int y = HEADER;
        for (int i = 0; i < scenarios.size(); i += 2) {
            int rowHeight = 0;
            for (int col = 0; col < 2 && i + col < scenarios.size(); col++) {
                String[] s = scenarios.get(i + col);
                rowHeight = Math.max(rowHeight, panel(body, r, s[0], s[1], col * PANEL_WIDTH, y));
            }
            y += rowHeight + PANEL_GAP;
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(2 * PANEL_WIDTH).append("\" height=\"")
                .append(y).append("\" font-family=\"sans-serif\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append("<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Courier benchmarks, ")
                .append(escape(r.date)).append(" (").append(escape(r.mode.name()))
                .append(" mode): median of rounds, higher is better; red = Courier, blue = peers, grey = floor</text>\n")
                .append(body).append("</svg>\n");
        return svg.toString();
    }

    /** Draws one panel at (x, y) and returns its height. */
    private static int panel(StringBuilder sb, Results r, String suite, String scenario, int x, int y) {
        List<Row> rows = r.scenario(suite, scenario);
        double max = 0;
        for (Row row : rows) {
            max = Math.max(max, row.stats().median());
        }
        sb.append("<text x=\"").append(x + 10).append("\" y=\"").append(y + 14).append("\" font-weight=\"bold\">")
                .append(escape(suite + ": " + scenario + " (" + rows.get(0).unit() + ")")).append("</text>\n");
        int by = y + TITLE_HEIGHT;
        for (Row row : rows) {
            double v = row.stats().median();
            int w = max <= 0 ? 0 : (int) Math.round(BAR_MAX * v / max);
            String color = row.role().equals("courier") ? "#d62728" : row.role().equals("floor") ? "#b0b0b0" : "#4e79a7";
            sb.append("<text x=\"").append(x + LABEL_WIDTH - 6).append("\" y=\"").append(by + 12)
                    .append("\" text-anchor=\"end\">").append(escape(row.library())).append("</text>\n");
            sb.append("<rect x=\"").append(x + LABEL_WIDTH).append("\" y=\"").append(by).append("\" width=\"")
                    .append(Math.max(1, w)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(color)
                    .append("\"/>\n");
            sb.append("<text x=\"").append(x + LABEL_WIDTH + w + 4).append("\" y=\"").append(by + 12).append("\">")
                    .append(String.format("%,.0f", v)).append("</text>\n");
            by += BAR_HEIGHT + BAR_GAP;
        }
        return by - y;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
