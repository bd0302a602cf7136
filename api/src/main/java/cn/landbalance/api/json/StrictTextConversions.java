package cn.landbalance.api.json;

import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverterRegistrar;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How path segments and query parameters become numbers and dates: ASCII digits only (Java would read Arabic-Indic
 * {@code ١٢} or full-width {@code １} as 12 and 1, so {@code /api/orders/١٢} would open order 12), and dates as
 * {@code yyyy-MM-dd} between {@value #MIN_YEAR} and {@value #MAX_YEAR} (ISO also allows {@code +999999999-12-31},
 * which no column can hold). Anything else fails to convert, which answers 400 naming the parameter.
 */
@Singleton
public class StrictTextConversions implements TypeConverterRegistrar {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Override
    public void register(MutableConversionService conversions) {
        conversions.addConverter(CharSequence.class, Long.class, (text, type, context) ->
                refusedUnless(wholeNumber(text), text, context, "a whole number in ASCII digits"));
        conversions.addConverter(String.class, Long.class, (text, type, context) ->
                refusedUnless(wholeNumber(text), text, context, "a whole number in ASCII digits"));
        conversions.addConverter(CharSequence.class, Integer.class, (text, type, context) ->
                refusedUnless(integer(text), text, context, "a whole number in ASCII digits"));
        conversions.addConverter(String.class, Integer.class, (text, type, context) ->
                refusedUnless(integer(text), text, context, "a whole number in ASCII digits"));
        conversions.addConverter(CharSequence.class, LocalDate.class, (text, type, context) ->
                refusedUnless(date(text), text, context, "a date yyyy-MM-dd between " + MIN_YEAR + " and " + MAX_YEAR));
        conversions.addConverter(String.class, LocalDate.class, (text, type, context) ->
                refusedUnless(date(text), text, context, "a date yyyy-MM-dd between " + MIN_YEAR + " and " + MAX_YEAR));
    }

    /** The value, or a conversion error in the context (so the parameter is reported as invalid, not as missing). */
    private static <T> Optional<T> refusedUnless(Optional<T> value, CharSequence text,
                                                 io.micronaut.core.convert.ConversionContext context, String expected) {
        if (value.isEmpty()) {
            context.reject(text, new IllegalArgumentException("expected " + expected));
        }
        return value;
    }

    static Optional<Integer> integer(CharSequence text) {
        return wholeNumber(text).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE).map(Long::intValue);
    }

    static Optional<Long> wholeNumber(CharSequence text) {
        String s = text.toString();
        if (!WHOLE_NUMBER.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(CharSequence text) {
        String s = text.toString();
        if (!DATE.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(s);
            return date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
