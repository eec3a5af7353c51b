package no.mrs.system;

/**
 * One running suite per test JVM, shared by the IT classes so that the three services start once; a shutdown hook
 * (registered by {@link RunningSuite#start()}) stops them when the JVM ends.
 */
final class SharedSuite {

    private static RunningSuite suite;

    private SharedSuite() {
    }

    static synchronized RunningSuite get() throws Exception {
        if (suite == null) {
            suite = RunningSuite.start();
        }
        return suite;
    }
}
