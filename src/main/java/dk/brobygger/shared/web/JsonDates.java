package dk.brobygger.shared.web;

import java.time.LocalDate;

import dk.brobygger.shared.DanishTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON reads a date as forms do ({@link DanishTime#DATE}: {@code 2026-03-12}, a four-digit year). ISO's signed
 * years ({@code +999999999-12-31}) would pass Jackson and fail later, in date arithmetic or in PostgreSQL (which
 * stops at year 5874897); refused while the body is read, they are a 400 like any unreadable body.
 */
@Configuration(proxyBeanMethods = false)
class JsonDates {

    @Bean
    JacksonModule datesAsPeopleWriteThem() {
        return new SimpleModule("brobygger-dates").addDeserializer(LocalDate.class,
                new LocalDateDeserializer(DanishTime.DATE));
    }
}
