package dev.dirsync.daemon.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's logging: {@code -Dlogback.configurationFile} when given; else a {@code logback.xml}
 * beside the configuration file (see {@code config/logback.xml}: console, daily rolling file, JSON
 * lines), with its log folder defaulting to {@code logs/} beside the configuration; else INFO to
 * the console.
 */
public final class DaemonLogging {
    public static final String LOG_DIR_PROPERTY = "dirsync.logDir";
    private static final Logger LOG = LoggerFactory.getLogger(DaemonLogging.class);

    private DaemonLogging() {}

    public static void configure(Path configFile) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        Path dir = configFile.toAbsolutePath().getParent();
        Path beside = dir.resolve("logback.xml");
        if (!Files.isRegularFile(beside)) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            return;
        }
        context.reset();
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            context.putProperty(LOG_DIR_PROPERTY, dir.resolve("logs").toString());
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(beside.toFile());
            LOG.info("logging configured from {}", beside);
        } catch (JoranException e) {
            new ch.qos.logback.classic.BasicConfigurator().configure(context);
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            LOG.warn("{} is not a usable logging configuration ({}); logging to the console", beside, e.getMessage());
        }
    }
}
