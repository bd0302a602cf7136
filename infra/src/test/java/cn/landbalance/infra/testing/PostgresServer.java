package cn.landbalance.infra.testing;

/** A running PostgreSQL server for tests, reachable with a superuser; stopped when the test JVM exits. */
interface PostgresServer {
    /** JDBC URL of the given database on this server. */
    String jdbcUrl(String database);

    String user();

    String password();

    void stop();
}
