/** The floor for start-up: a JVM that prints one line and exits (bench/startup.sh compiles and runs it). */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
