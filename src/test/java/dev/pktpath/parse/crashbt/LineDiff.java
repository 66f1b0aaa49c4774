package dev.pktpath.parse.crashbt;

import java.util.ArrayList;
import java.util.List;

/** A readable line diff (LCS) for golden mismatches: {@code -} expected, {@code +} actual, two lines of context. */
final class LineDiff {
    private LineDiff() {
    }

    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add("- " + a[i++]);
            } else {
                ops.add("+ " + b[j++]);
            }
        }
        StringBuilder out = new StringBuilder();
        int last = -10;
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).startsWith("  ")) {
                continue;
            }
            for (int c = Math.max(last + 1, k - 2); c < k; c++) {
                out.append(c == last + 1 ? "" : "...\n").append(ops.get(c)).append('\n');
                last = c;
            }
            out.append(ops.get(k)).append('\n');
            last = k;
            for (int c = k + 1; c <= Math.min(ops.size() - 1, k + 2) && ops.get(c).startsWith("  "); c++) {
                out.append(ops.get(c)).append('\n');
                last = c;
            }
        }
        return out.toString();
    }
}
