package dk.brobygger.access.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Shared attempt buckets on PostgreSQL (several nodes), this node's memory on the embedded H2 database (one node). */
@Configuration(proxyBeanMethods = false)
class AttemptBucketsConfiguration {

    @Bean
    AttemptBuckets attemptBuckets(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product) ? new SharedAttemptBuckets(dataSource) : new LocalAttemptBuckets();
    }
}
