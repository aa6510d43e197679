package dev.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings that decide whether a commit survives a power cut, as found on this machine. A run is
 * comparable only if none of them is off: figures bought with a weaker durability say nothing.
 */
final class Durability {

    final Map<String, String> settings = new LinkedHashMap<>();
    final List<String> weakened = new ArrayList<>();

    boolean comparable() {
        return weakened.isEmpty();
    }

    Durability postgres(String url, String user) {
        try (Connection connection = DriverManager.getConnection(url + "postgres", user, null); Statement sql = connection.createStatement()) {
            expect("PostgreSQL fsync", show(sql, "SHOW fsync"), "on");
            expect("PostgreSQL synchronous_commit", show(sql, "SHOW synchronous_commit"), "on", "remote_write", "remote_apply");
            settings.put("PostgreSQL version", show(sql, "SHOW server_version"));
        } catch (SQLException e) {
            unknown("PostgreSQL", e);
        }
        return this;
    }

    Durability mariaDb(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
            expect("MariaDB innodb_flush_log_at_trx_commit", show(sql, "SELECT @@innodb_flush_log_at_trx_commit"), "1");
            String binlog = show(sql, "SELECT @@log_bin");
            String syncBinlog = show(sql, "SELECT @@sync_binlog");
            if ("1".equals(binlog)) {
                expect("MariaDB sync_binlog", syncBinlog, "1");
            } else {
                settings.put("MariaDB sync_binlog", syncBinlog + " (binary log off)");
            }
            settings.put("MariaDB version", show(sql, "SELECT VERSION()"));
        } catch (SQLException e) {
            unknown("MariaDB", e);
        }
        return this;
    }

    /** Artemis syncs its journal on every transactional and durable send unless broker.xml says otherwise. */
    Durability broker(Path brokerXml) {
        try {
            String xml = Files.readString(brokerXml);
            expect("Artemis journal-sync-transactional", element(xml, "journal-sync-transactional", "true"), "true");
            expect("Artemis journal-sync-non-transactional", element(xml, "journal-sync-non-transactional", "true"), "true");
            settings.put("Artemis journal-type", element(xml, "journal-type", "ASYNCIO"));
        } catch (IOException e) {
            unknown("the broker (" + brokerXml + ")", e);
        }
        return this;
    }

    /** A transaction log on a file system that survives a restart (not tmpfs), or none found. */
    Durability transactionLog(String owner, Path directory) {
        try {
            String type = Files.getFileStore(Files.exists(directory) ? directory : directory.getParent()).type();
            expect(owner + " transaction log (" + directory + ") on", type, type.equals("tmpfs") || type.equals("ramfs") ? "disk" : type);
        } catch (IOException e) {
            unknown(owner + " transaction log", e);
        }
        return this;
    }

    Durability stated(String name, boolean on) {
        expect(name, Boolean.toString(on), "true");
        return this;
    }

    private void expect(String name, String found, String... durable) {
        settings.put(name, found);
        if (!List.of(durable).contains(found)) {
            weakened.add(name + " = " + found);
        }
    }

    private void unknown(String what, Exception e) {
        weakened.add(what + ": could not be read (" + e.getMessage() + ")");
    }

    private static String show(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String element(String xml, String name, String absent) {
        Matcher value = Pattern.compile("<" + name + ">\\s*([^<\\s]+)\\s*</" + name + ">").matcher(xml);
        return value.find() ? value.group(1) : absent;
    }
}
