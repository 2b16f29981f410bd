package dk.brobygger.access.internal;

import java.util.Locale;

import dk.brobygger.access.AddressLimits;

import org.springframework.stereotype.Component;

/**
 * {@link AddressLimits} in the login attempt buckets ({@link AttemptBuckets}), keyed {@code "f <kind> <address>"}
 * so they never mix with the login form's user and address keys.
 */
@Component
class BucketAddressLimits implements AddressLimits {

    static final String PREFIX = "f ";

    private final AttemptBuckets buckets;

    BucketAddressLimits(AttemptBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public boolean tryTake(String kind, String address, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("A limit allows at least one a minute");
        }
        String key = PREFIX + kind.toLowerCase(Locale.ROOT) + " " + address.replaceAll("\\p{Cntrl}", "?");
        return buckets.bucket(key.length() > 200 ? key.substring(0, 200) : key, perMinute).tryConsume(1);
    }
}
