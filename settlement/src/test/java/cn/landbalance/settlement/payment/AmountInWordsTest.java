package cn.landbalance.settlement.payment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The examples of the 支付结算办法's rules for writing amounts, and the amounts notices carry. */
class AmountInWordsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0              | 零元整",
            "1              | 壹分",
            "10             | 壹角整",
            "100            | 壹元整",
            "1000           | 壹拾元整",
            "140950         | 壹仟肆佰零玖元伍角整",
            "600714         | 陆仟零柒元壹角肆分",
            "168032         | 壹仟陆佰捌拾元零叁角贰分",
            "10700053       | 壹拾万柒仟元零伍角叁分",
            "1640902        | 壹万陆仟肆佰零玖元零贰分",
            "32504          | 叁佰贰拾伍元零肆分",
            "78000000       | 柒拾捌万元整",
            "5000000        | 伍万元整",
            "1000500        | 壹万零伍元整",
            "10000000000    | 壹亿元整",
            "10000000500    | 壹亿零伍元整",
            "140662500      | 壹佰肆拾万陆仟陆佰贰拾伍元整",
            "1234567890123  | 壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分",
    })
    void writesAmountsAsBanksRequire(long fen, String words) {
        assertEquals(words, AmountInWords.of(fen));
    }
}
