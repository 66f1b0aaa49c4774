package dev.pktpath.parse;

import dev.pktpath.model.Arch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which architecture a crash backtrace came from. crash never prints it in {@code bt} output, so the
 * parser weighs what it saw, strongest first:
 * <ol>
 *   <li>register names of exception blocks (RIP ⇒ x86_64, EIP ⇒ x86, X29/PSTATE ⇒ arm64, NIP/MSR ⇒ ppc64,
 *       PSW ⇒ s390x, ERA/CSR ⇒ loongarch64, $n with EPC ⇒ mips64, lower-case a0..s11 with EPC ⇒ riscv64,
 *       ARM's pc/lr/psr ⇒ arm);</li>
 *   <li>stack markers only one architecture prints (x86_64's exception stacks, arm64's
 *       {@code Overflow stack}, riscv64's {@code OVERFLOW stack}, ppc64's {@code Emergency Stack});</li>
 *   <li>function names that exist on one architecture only (entry code, syscall wrappers);</li>
 *   <li>the shape of text and stack addresses (8 digits ⇒ 32-bit, {@code c000...} ⇒ ppc64,
 *       {@code 9000...} ⇒ loongarch64, XKPHYS stacks ⇒ mips64, neither 8 nor 16 digits ⇒ s390x).</li>
 * </ol>
 * A trace with no evidence of its own (an idle task in {@code bt -a}) takes the dump's majority.
 */
final class CrashBtArch {
    private CrashBtArch() {
    }

    private static final int REGISTER = 100;
    private static final int MARKER = 20;
    private static final int FUNCTION = 10;
    private static final int ADDRESS = 1;

    private record Hint(Pattern pattern, Arch arch) {
        static Hint of(String regex, Arch arch) {
            return new Hint(Pattern.compile(regex), arch);
        }
    }

    /** Function names that only one architecture's kernel has. */
    private static final List<Hint> FUNCTION_HINTS = List.of(
            Hint.of("^(?:entry_SYSCALL_64.*|do_syscall_64|__x64_sys_.*|asm_(?:exc|sysvec|common)_.*|system_call_fastpath"
                    + "|async_page_fault|end_repeat_nmi|secondary_startup_64.*|x86_64_start_.*|__switch_to_asm"
                    + "|ret_from_fork_asm|exc_(?:nmi|page_fault|invalid_op|general_protection)|sysvec_.*|ia32_sysenter_target)$", Arch.X86_64),
            Hint.of("^(?:entry_INT80_32|entry_SYSENTER_32|sysenter_past_esp|syscall_call|do_8259A_IRQ|__i386_sys_.*)$", Arch.X86),
            Hint.of("^(?:el[01][ht]?_64_.*|el[01]_(?:svc|sync|irq|da|ia|undef|dbg|error).*|__arm64_sys_.*|do_el0_svc.*"
                    + "|invoke_syscall|el0_svc_common.*|__bad_stack|cpu_do_idle)$", Arch.ARM64),
            Hint.of("^(?:riscv_.*|do_trap_.*|__riscv_sys_.*|handle_exception|ret_from_exception)$", Arch.RISCV64),
            Hint.of("^(?:system_call_common|system_call_exception|interrupt_return.*|start_kernel_thread"
                    + "|ret_from_kernel_(?:user_)?thread|\\..*|ppc_.*|__ppc64_.*)$", Arch.PPC64),
            Hint.of("^(?:__s390x_sys_.*|pgm_check_handler|io_int_handler|ext_int_handler|mcck_int_handler|psw_idle"
                    + "|__do_machine_kdump|do_io_irq|do_ext_irq|s390_.*)$", Arch.S390X),
            Hint.of("^(?:handle_sys64|handle_sys|tlb_do_page_fault_\\d|handle_tlb[lsm]|handle_ri|r4k_wait|__r4k_wait|octeon_.*)$", Arch.MIPS64),
            Hint.of("^(?:handle_syscall|handle_tlb_(?:load|store|modify|protect).*|__loongarch_sys_.*)$", Arch.LOONGARCH64));

    /**
     * The function-name hints of one parse, remembered per name: a {@code foreach bt} repeats the same
     * few hundred functions many thousand times.
     */
    static final class Hints {
        private final Map<String, Arch> seen = new java.util.HashMap<>();

        /** The architecture {@code function} belongs to alone, or {@link Arch#UNKNOWN}. */
        Arch of(String function) {
            return seen.computeIfAbsent(function, f -> {
                for (Hint h : FUNCTION_HINTS) {
                    if (h.pattern().matcher(f).matches()) {
                        return h.arch();
                    }
                }
                return Arch.UNKNOWN;
            });
        }
    }

    /** What one trace showed. */
    static final class Evidence {
        private static final Arch[] ARCHES = Arch.values();
        /** Votes per {@link Arch} ordinal (an int per architecture: no boxed sums per frame). */
        private final int[] votes = new int[ARCHES.length];
        private boolean any;
        private final Hints hints;

        Evidence(Hints hints) {
            this.hints = hints;
        }

        private void vote(Arch a, int weight) {
            votes[a.ordinal()] += weight;
            any = true;
        }

        void registers(Collection<String> names) {
            // a block's key set is asked as it is: a copy into a hash set per block was 1% of a warm parse
            Collection<String> n = names instanceof Set ? names : Set.copyOf(names);
            if (n.contains("RIP") || n.contains("ORIG_RAX") || n.contains("R15") && n.contains("RAX")) {
                vote(Arch.X86_64, REGISTER);
            } else if (n.contains("EIP") || n.contains("EAX")) {
                vote(Arch.X86, REGISTER);
            } else if (n.contains("X29") || n.contains("PSTATE") || n.contains("ORIG_X0")) {
                vote(Arch.ARM64, REGISTER);
            } else if (n.contains("NIP") || n.contains("MSR") || n.contains("TRAP") && n.contains("R1")) {
                vote(Arch.PPC64, REGISTER);
            } else if (n.contains("PSW_ADDR") || n.contains("PSW_MASK")) {
                vote(Arch.S390X, REGISTER);
            } else if (n.contains("ERA") || n.stream().anyMatch(r -> r.startsWith("CSR_"))) {
                vote(Arch.LOONGARCH64, REGISTER);
            } else if (n.contains("$0") || n.contains("BADVA")) {
                vote(Arch.MIPS64, REGISTER);
            } else if (n.contains("EPC") || n.contains("ORIG_A0") || n.contains("S11") || n.contains("CAUSE") && n.contains("RA")) {
                vote(Arch.RISCV64, REGISTER);
            } else if (n.contains("PSR") || n.contains("R10") && n.contains("FP") && n.contains("IP")) {
                vote(Arch.ARM, REGISTER);
            }
        }

        void marker(String name) {
            if (name.contains("exception stack") || name.equalsIgnoreCase("entry trampoline stack")) {
                vote(Arch.X86_64, MARKER);
            } else if (name.equals("Overflow stack")) {
                vote(Arch.ARM64, MARKER);
            } else if (name.equals("OVERFLOW stack")) {
                vote(Arch.RISCV64, MARKER);
            } else if (name.contains("Emergency Stack") || name.equals("Nested NMI")) {
                vote(Arch.PPC64, MARKER);
            }
        }

        void frame(String function, String address, String stackAddress, boolean armFormat) {
            if (armFormat) {
                vote(Arch.ARM, MARKER);
                return;
            }
            Arch hinted = function == null ? Arch.UNKNOWN : hints.of(function);
            if (hinted != Arch.UNKNOWN) {
                vote(hinted, FUNCTION);
            }
            Arch shape = shape(address, stackAddress);
            if (shape != null) {
                vote(shape, ADDRESS);
            }
        }

        /**
         * {@link #frame} of a frame whose addresses are numbers with their digit counts (0 for none; the
         * text lowercase hex of that many digits) and whose function hints at {@code hinted}.
         */
        void frame(Arch hinted, long address, int addressDigits, long stackAddress, int stackDigits) {
            if (hinted != Arch.UNKNOWN) {
                vote(hinted, FUNCTION);
            }
            Arch shape = shape(address, addressDigits, stackAddress, stackDigits);
            if (shape != null) {
                vote(shape, ADDRESS);
            }
        }

        void task(String taskAddress) {
            if (taskAddress == null) {
                return;
            }
            if (taskAddress.length() <= 8) {
                vote(Arch.X86, ADDRESS);
            } else if (taskAddress.startsWith("c000")) {
                vote(Arch.PPC64, ADDRESS);
            } else if (taskAddress.startsWith("90000")) {
                vote(Arch.LOONGARCH64, ADDRESS);
            } else if (taskAddress.startsWith("98000") || taskAddress.startsWith("a8000")) {
                vote(Arch.MIPS64, ADDRESS);
            } else if (taskAddress.length() == 16 && (taskAddress.compareTo("ffff8000") < 0 && taskAddress.startsWith("ffff")
                    || taskAddress.startsWith("ffffff") && !taskAddress.startsWith("ffffffff"))) {
                // arm64's linear map (ffff0000.. on 48-bit VA, ffffffc0.. on 39-bit VA); x86_64 has no
                // kernel data below ffff8000.. and keeps ffffffff.. for its kernel image
                vote(Arch.ARM64, ADDRESS);
            } else if (taskAddress.length() == 16 && taskAddress.startsWith("ffff88")) {
                // x86_64's direct map (page_offset_base without KASLR) holds task structs here
                vote(Arch.X86_64, ADDRESS);
            }
        }

        /** Whether this trace showed anything at all (else it takes the dump's majority). */
        boolean hasVotes() {
            return any;
        }

        /**
         * The best-supported architecture, or {@code fallback} when this trace showed nothing: as
         * {@link #best} over the architectures that got votes, in the same (ordinal) order.
         */
        Arch decide(Arch fallback) {
            Arch best = fallback;
            int max = 0;
            for (int i = 0; i < votes.length; i++) {
                if (votes[i] > max) {
                    max = votes[i];
                    best = ARCHES[i];
                }
            }
            return best;
        }
    }

    /** Adds one trace's votes to a dump's tally. */
    static void addVotes(Evidence e, Map<Arch, Integer> sum) {
        for (int i = 0; i < e.votes.length; i++) {
            if (e.votes[i] > 0) {
                sum.merge(Evidence.ARCHES[i], e.votes[i], Integer::sum);
            }
        }
    }

    /**
     * What the dump as a whole most likely is, from the tally of its traces' votes. The parser tallies
     * the traces that start within the dump's first {@link DumpParser#PREFIX} characters only, so that a
     * streaming parse can decide it early, and a whole-file parse decides it the same way.
     */
    static Arch majority(Map<Arch, Integer> sum) {
        return best(sum, Arch.UNKNOWN);
    }

    private static Arch best(Map<Arch, Integer> votes, Arch fallback) {
        Arch best = fallback;
        int max = 0;
        for (Map.Entry<Arch, Integer> e : votes.entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * {@link #shape(String, String)} of addresses given as numbers with their printed hex digits
     * ({@code addressDigits} 1 to 16; {@code stackDigits} 0 when there is no stack address): the
     * same prefix tests, on the digits' values.
     */
    static Arch shape(long address, int addressDigits, long stackAddress, int stackDigits) {
        if (addressDigits == 16) {
            if (address >>> 52 == 0xc00L) {
                return Arch.PPC64;
            }
            if (address >>> 32 == 0x90000000L) {
                return Arch.LOONGARCH64;
            }
            if (address >>> 32 == 0xffffffffL) {
                if (lead(stackAddress, stackDigits, 2) == 0x98 || lead(stackAddress, stackDigits, 2) == 0xa8
                        || lead(stackAddress, stackDigits, 4) == 0xc000) {
                    return Arch.MIPS64;
                }
                return Arch.X86_64;
            }
            if (address >>> 48 == 0xffffL || lead(stackAddress, stackDigits, 4) == 0xffff) {
                return Arch.ARM64;
            }
            return null;
        }
        if (addressDigits == 8) {
            return stackDigits <= 8 ? Arch.X86 : null;
        }
        return addressDigits < 16 && addressDigits > 0 && stackDigits >= 8 ? Arch.S390X : null;
    }

    /** The value of the first {@code k} of the {@code digits} hex digits, or -1 when there are fewer. */
    private static long lead(long value, int digits, int k) {
        return digits < k ? -1 : value >>> (4 * (digits - k));
    }

    /** The architecture an address pair points at, or null when the shape says nothing. */
    static Arch shape(String address, String stackAddress) {
        if (address == null) {
            return null;
        }
        String sp = stackAddress == null ? "" : stackAddress;
        int len = address.length();
        if (len == 16) {
            if (address.startsWith("c00")) {
                return Arch.PPC64;
            }
            if (address.startsWith("90000000")) {
                return Arch.LOONGARCH64;
            }
            if (address.startsWith("ffffffff")) {
                if (sp.startsWith("98") || sp.startsWith("a8") || sp.startsWith("c000")) {
                    return Arch.MIPS64;
                }
                return Arch.X86_64;
            }
            if (address.startsWith("ffff") || sp.startsWith("ffff")) {
                return Arch.ARM64;
            }
            return null;
        }
        if (len == 8) {
            return sp.length() <= 8 ? Arch.X86 : null;
        }
        return len < 16 && len > 0 && sp.length() >= 8 ? Arch.S390X : null;
    }
}
