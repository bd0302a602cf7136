package cn.landbalance.settlement.payment;

/**
 * An amount in fen written out as on a Chinese bill (人民币大写): 壹万贰仟叁佰肆拾伍元陆角柒分, 伍拾万元整, 壹仟零伍元零捌分.
 * The rules of the 支付结算办法: 整 after 元 or 角 when nothing follows; one 零 for any run of zeros inside the amount
 * (and for a zero 元 digit followed by 角/分 when there are 元 before it); 拾 is always written 壹拾, as banks require, so
 * that nothing can be written in front of it.
 */
public final class AmountInWords {
    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] BIG_UNITS = {"", "万", "亿", "万亿"};

    private AmountInWords() {
    }

    public static String of(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative amount " + fen);
        }
        if (fen == 0) {
            return "零元整";
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(yuanInWords(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return out.append('整').toString();
        }
        if (jiao > 0) {
            if (yuan > 0 && yuan % 10 == 0) {
                out.append('零');
            }
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (cents > 0) {
            out.append(DIGITS.charAt(cents)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** Whole yuan, grouped by four digits (万, 亿). */
    private static String yuanInWords(long yuan) {
        StringBuilder out = new StringBuilder();
        String digits = Long.toString(yuan);
        int groups = (digits.length() + 3) / 4;
        boolean zeroPending = false;
        for (int g = groups - 1; g >= 0; g--) {
            int group = (int) (yuan / pow10000(g) % 10_000);
            if (group == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zeroPending || group < 1000)) {
                out.append('零');
            }
            out.append(groupInWords(group)).append(BIG_UNITS[g]);
            zeroPending = false;
        }
        return out.toString();
    }

    private static String groupInWords(int group) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int d = group / (int) Math.pow(10, place) % 10;
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            out.append(DIGITS.charAt(d)).append(SMALL_UNITS[place]);
        }
        return out.toString();
    }

    private static long pow10000(int g) {
        long p = 1;
        for (int i = 0; i < g; i++) {
            p *= 10_000;
        }
        return p;
    }
}
