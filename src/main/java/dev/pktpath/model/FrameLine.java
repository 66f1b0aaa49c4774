package dev.pktpath.model;

/**
 * The usual frame lines, rebuilt from a frame's fields, so that a frame need not keep its input line
 * when the line is exactly one of these (most lines of a big dump are). Two shapes:
 * <ul>
 *   <li>crash: {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e}, the
 *       {@code [stack]} optional, then {@code  [module]} when the frame has one; as the crash parser keeps
 *       the line (stripped, so the space crash puts before a one-digit level is not part of it);</li>
 *   <li>console: {@code ? tcp_ack+0x1a/0x30 [tcp]}, optionally led by the address as older kernels print
 *       it, {@code [<ffffffff81421d2e>] ? dev_hard_start_xmit+0x1ce/0x2e0}.</li>
 * </ul>
 * Anything else (another spacing, upper-case hex, a source, {@code (unreliable)}, a wrapped tail) does
 * not compare equal, and the frame keeps its line as read. One routine both prints and compares, so
 * the two cannot disagree.
 */
final class FrameLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FrameLine() {
    }

    /** 1..16 when {@code s} is that many lowercase hex digits (storable as a number), else 0. */
    static int hexDigits(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        if (n == 0 || n > 16) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return 0;
            }
        }
        return n;
    }

    /** The value of a string {@link #hexDigits} accepted. */
    static long hexValue(String s) {
        long v = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            v = (v << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }

    /** {@code value} as exactly {@code digits} lowercase hex digits, zero-padded. */
    static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }

    /** True when {@code raw} is exactly the line {@link #rebuild} gives for these fields. */
    static boolean rebuilds(String raw, int flags, int level, String function, int offset, int size, long address,
                            int addressDigits, long stackAddress, int stackDigits, String module) {
        Out out = new Out(raw, null);
        return emit(out, flags, level, function, offset, size, address, addressDigits, stackAddress, stackDigits,
                module) && out.same && out.pos == raw.length();
    }

    /** The line for these fields; only called for frames whose line {@link #rebuilds} said it was. */
    static String rebuild(int flags, int level, String function, int offset, int size, long address,
                          int addressDigits, long stackAddress, int stackDigits, String module) {
        Out out = new Out(null, new StringBuilder(64));
        emit(out, flags, level, function, offset, size, address, addressDigits, stackAddress, stackDigits, module);
        return out.text.toString();
    }

    /** Prints (or compares) the line; false when the fields have no usual shape. */
    private static boolean emit(Out out, int flags, int level, String function, int offset, int size, long address,
                                int addressDigits, long stackAddress, int stackDigits, String module) {
        if (function == null || (flags & Frame.INLINED) != 0) {
            return false;
        }
        boolean reliable = (flags & Frame.RELIABLE) != 0;
        boolean hasOffsetAndSize = (flags & (Frame.HAS_OFFSET | Frame.HAS_SIZE)) == (Frame.HAS_OFFSET | Frame.HAS_SIZE);
        if ((flags & Frame.HAS_LEVEL) != 0) {
            // crash: "#<level> [<stack>] <function> at <address>"
            if (!reliable || addressDigits == 0 || level < 0
                    || (flags & (Frame.HAS_OFFSET | Frame.HAS_SIZE)) != 0) {
                return false;
            }
            out.put('#');
            out.dec(level);
            out.put(' ');
            if (stackDigits > 0) {
                out.put('[');
                out.hex(stackAddress, stackDigits);
                out.put("] ");
            }
            out.put(function);
            out.put(" at ");
            out.hex(address, addressDigits);
        } else {
            // console: "[<address>] ? <function>+0x<offset>/0x<size>"
            if (!hasOffsetAndSize || stackDigits > 0) {
                return false;
            }
            if (addressDigits > 0) {
                out.put("[<");
                out.hex(address, addressDigits);
                out.put(">] ");
            }
            if (!reliable) {
                out.put("? ");
            }
            out.put(function);
            out.put("+0x");
            out.hex(offset & 0xFFFF_FFFFL, significantHexDigits(offset & 0xFFFF_FFFFL));
            out.put("/0x");
            out.hex(size & 0xFFFF_FFFFL, significantHexDigits(size & 0xFFFF_FFFFL));
        }
        if (module != null) {
            out.put(" [");
            out.put(module);
            out.put(']');
        }
        return true;
    }

    private static int significantHexDigits(long v) {
        return v == 0 ? 1 : (67 - Long.numberOfLeadingZeros(v)) / 4;
    }

    /** Either appends to {@code text} or compares with {@code raw} from {@code pos} on. */
    private static final class Out {
        final String raw;
        final StringBuilder text;
        int pos;
        boolean same = true;

        Out(String raw, StringBuilder text) {
            this.raw = raw;
            this.text = text;
        }

        void put(char c) {
            if (text != null) {
                text.append(c);
            } else if (same) {
                same = pos < raw.length() && raw.charAt(pos) == c;
                pos++;
            }
        }

        void put(String s) {
            if (text != null) {
                text.append(s);
            } else if (same) {
                same = raw.startsWith(s, pos);
                pos += s.length();
            }
        }

        void hex(long value, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                put(HEX[(int) ((value >>> (4 * i)) & 0xF)]);
            }
        }

        void dec(int v) {
            if (v >= 10) {
                dec(v / 10);
            }
            put((char) ('0' + v % 10));
        }
    }
}
