package cn.landbalance.api.error

import cn.landbalance.api.support.ApiClient
import cn.landbalance.api.support.ApiTest
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

/**
 * A table of malformed requests: each is answered 4xx with problem+json naming a code from the one list
 * (and the field where one is at fault), never a 500, never a stack trace or SQL, and changes nothing.
 */
@MicronautTest(transactional = false)
class MalformedRequestsSpec extends Specification implements TestPropertyProvider {
    static final String SITE = '{"ecologicalRedLine":false,"natureReserve":false,"waterSourceLevel1":false,' +
            '"riverLakeForestPastoralDesert":false,"builtUpArea":false,"returnedFarmlandForest":false,' +
            '"pollutedSoil":false,"illegalDeforestation":false}'

    @Inject
    EmbeddedServer server

    @Shared
    String admin

    @Override
    Map<String, String> getProperties() {
        ApiTest.testApplicationProperties()
    }

    ApiClient api() {
        new ApiClient(server.URI)
    }

    def setup() {
        if (admin == null) {
            admin = api().post('/api/auth/login', null,
                    """{"username":"county_admin","password":"${ApiTest.DEMO_PASSWORD}"}""").string('access_token')
        }
    }

    @Unroll
    def "#method #path with #body -> #status #code"() {
        given:
        def county = api().get('/api/me', admin).number('countyId')
        def resolvedPath = path.replace('{county}', county.toString())
        def before = snapshot(county)

        when:
        def response = api().send(method, resolvedPath, auth ? admin : null, body, contentType)

        then:
        response.status() == status
        response.isProblem()
        response.string('code') == code
        field == null || response.string('field') == field
        response.string('messageZh') != null
        !response.body().toLowerCase().contains('exception')
        !response.body().toLowerCase().contains('select ')
        !response.body().contains('at cn.landbalance')
        snapshot(county) == before

        where:
        method | path                          | body                                                        | contentType         | auth  || status | code                     | field
        'POST' | '/api/auth/login'             | '{"username":"county_admin","password":'                    | 'application/json'  | false || 400    | 'MALFORMED_JSON'         | null
        'POST' | '/api/auth/login'             | 'not json at all'                                           | 'application/json'  | false || 400    | 'MALFORMED_JSON'         | null
        'POST' | '/api/auth/login'             | '{"username":"county_admin"}'                               | 'application/json'  | false || 400    | 'MISSING_FIELD'          | 'password'
        'POST' | '/api/auth/login'             | '{"username":"","password":"x"}'                            | 'application/json'  | false || 400    | 'VALIDATION_FAILED'      | 'username'
        'POST' | '/api/auth/login'             | '{"username":["a"],"password":"x"}'                         | 'application/json'  | false || 400    | 'INVALID_FIELD'          | null
        'POST' | '/api/auth/login'             | '{"username":"a","password":"' + 'x' * 300 + '"}'           | 'application/json'  | false || 400    | 'VALIDATION_FAILED'      | 'password'
        'POST' | '/api/auth/login'             | 'username=a&password=b'                                     | 'text/plain'        | false || 415    | 'UNSUPPORTED_MEDIA_TYPE' | null
        'GET'  | '/api/auth/login'             | null                                                        | null                | false || 405    | 'METHOD_NOT_ALLOWED'     | null
        'POST' | '/api/organizations'          | '{"name":"x","kind":"BOGUS","regionId":1}'                  | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'kind'
        'POST' | '/api/organizations'          | '{"name":"x","kind":"ENTERPRISE","regionId":"abc"}'         | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'regionId'
        'POST' | '/api/organizations'          | '{"name":"x","kind":"ENTERPRISE","regionId":-4}'            | 'application/json'  | true  || 400    | 'VALIDATION_FAILED'      | 'regionId'
        'POST' | '/api/organizations'          | '{"name":"x","kind":"ENTERPRISE","regionId":1e400}'         | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'regionId'
        'POST' | '/api/organizations'          | '{"name":"x","kind":"ENTERPRISE","regionId":99999999999999999999}' | 'application/json' | true || 400 | 'INVALID_FIELD'       | 'regionId'
        'POST' | '/api/organizations'          | '{"kind":"ENTERPRISE","regionId":3}'                        | 'application/json'  | true  || 400    | 'MISSING_FIELD'          | 'name'
        'POST' | '/api/organizations'          | '{"name":"   ","kind":"ENTERPRISE","regionId":3}'           | 'application/json'  | true  || 400    | 'VALIDATION_FAILED'      | 'name'
        'POST' | '/api/organizations'          | '{"name":"' + '名' * 200 + '","kind":"ENTERPRISE","regionId":3}' | 'application/json' | true || 400 | 'VALIDATION_FAILED'     | 'name'
        'POST' | '/api/organizations'          | '{"name":"x\'; drop table organization; --","kind":"ENTERPRISE","regionId":999999}' | 'application/json' | true || 422 | 'REGION_OUTSIDE_COUNTY' | 'regionId'
        'POST' | '/api/organizations'          | '[1,2,3]'                                                   | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | null
        'POST' | '/api/organizations'          | ''                                                          | 'application/json'  | true  || 400    | 'MISSING_FIELD'          | null
        'POST' | '/api/users'                  | '{"username":"a b","password":"long-enough-pw","role":"ENTERPRISE","orgId":3}' | 'application/json' | true || 400 | 'VALIDATION_FAILED' | 'username'
        'POST' | '/api/users'                  | '{"username":"okname","password":"long-enough-pw","role":"ENTERPRISE","orgId":999999}' | 'application/json' | true || 404 | 'ORGANIZATION_NOT_FOUND' | 'orgId'
        'POST' | '/api/users'                  | '{"username":"okname","password":"short","role":"ENTERPRISE","orgId":1}' | 'application/json' | true || 400 | 'VALIDATION_FAILED' | 'password'
        'POST' | '/api/users'                  | '{"username":"okname","password":"long-enough-pw","role":"ROOT","orgId":1}' | 'application/json' | true || 400 | 'INVALID_FIELD' | 'role'
        'POST' | '/api/users'                  | '{"username":"okname","password":"long-enough-pw","role":"ENTERPRISE"}' | 'application/json' | true || 400 | 'MISSING_FIELD' | 'orgId'
        'GET'  | '/api/regions/abc'            | null                                                        | null                | true  || 400    | 'INVALID_FIELD'          | 'id'
        'GET'  | '/api/regions?parentId=x'     | null                                                        | null                | true  || 400    | 'INVALID_FIELD'          | 'parentId'
        'GET'  | '/api/regions/99999999999999999999' | null                                                  | null                | true  || 400    | 'INVALID_FIELD'          | 'id'
        'GET'  | '/api/organizations?kind=NOPE' | null                                                       | null                | true  || 400    | 'INVALID_FIELD'          | 'kind'
        'GET'  | '/api/organizations?size=0'   | null                                                        | null                | true  || 400    | 'VALIDATION_FAILED'      | 'size'
        'GET'  | '/api/organizations?page=-1'  | null                                                        | null                | true  || 400    | 'VALIDATION_FAILED'      | 'page'
        'GET'  | '/api/no-such-thing'          | null                                                        | null                | true  || 404    | 'NOT_FOUND'              | null
        'PUT'  | '/api/counties/{county}/rules' | '{"feePerMuFen":true}'                                     | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'feePerMuFen'
        'PUT'  | '/api/counties/{county}/rules' | '{"feePerMuFen":5000000.5,"guidePricePerMuFen":1,"surplusFactorPermille":1000,"sequencing":"INFLOW_FIRST","qualityRule":"PER_LOT","paymentTermWorkingDays":10,"declarationWindows":[{"from":"01-01","to":"12-31"}]}' | 'application/json' | true || 400 | 'INVALID_FIELD' | 'feePerMuFen'
        'PUT'  | '/api/counties/{county}/rules' | '{"declarationWindows":[null]}'                            | 'application/json'  | true  || 400    | 'MISSING_FIELD'          | null
        'PUT'  | '/api/counties/abc/rules'     | '{}'                                                        | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'countyId'
        'PUT'  | '/api/counties/{county}/rules' | '{"feePerMuFen":"\\u0000\\ud800"}'                         | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'feePerMuFen'
        'PUT'  | '/api/counties/{county}/rules' | '{"feePerMuFen":"\u0000"}'                                 | 'application/json'  | true  || 400    | 'MALFORMED_JSON'         | null
        'POST' | '/api/inflow-projects'       | '{"townshipId":1,"village":"x","landClassBefore":"y","targetClass":"稻田","ownership":"集体","slopeGrade":1,"areaM2":5,"constraints":' + SITE + '}' | 'application/json' | true || 400 | 'INVALID_FIELD' | 'targetClass'
        'POST' | '/api/inflow-projects'       | '{"townshipId":1,"village":"x","landClassBefore":"y","targetClass":"旱地","ownership":"集体","slopeGrade":6,"areaM2":5,"constraints":' + SITE + '}' | 'application/json' | true || 400 | 'VALIDATION_FAILED' | 'slopeGrade'
        'POST' | '/api/inflow-projects'       | '{"townshipId":1,"village":"x","landClassBefore":"y","targetClass":"旱地","ownership":"集体","slopeGrade":1,"areaM2":-5,"constraints":' + SITE + '}' | 'application/json' | true || 400 | 'VALIDATION_FAILED' | 'areaM2'
        'POST' | '/api/inflow-projects'       | '{"townshipId":1,"village":"x","landClassBefore":"y","targetClass":"旱地","ownership":"集体","slopeGrade":1,"areaM2":1e9,"constraints":' + SITE + '}' | 'application/json' | true || 400 | 'INVALID_FIELD' | 'areaM2'
        'POST' | '/api/inflow-projects/1/accept' | '{"qualityGrade":16}'                                   | 'application/json'  | true  || 400    | 'VALIDATION_FAILED'      | 'qualityGrade'
        'POST' | '/api/inflow-projects/99999/accept' | '{"qualityGrade":3}'                                | 'application/json'  | true  || 404    | 'INFLOW_PROJECT_NOT_FOUND' | null
        'POST' | '/api/imports/inflow?countyId={county}&year=1900' | 'a,b'                                  | 'text/csv'          | true  || 400    | 'VALIDATION_FAILED'      | 'year'
        'POST' | '/api/imports/inflow?countyId={county}&year=2022' | 'township,area_ha\n碧岩镇,1'          | 'text/csv'          | true  || 400    | 'IMPORT_FILE_INVALID'    | null
        'POST' | '/api/imports/outflow?countyId=abc'  | 'x'                                                    | 'text/csv'          | true  || 400    | 'INVALID_FIELD'          | 'countyId'
        'POST' | '/api/outflow-applications'  | '{"townshipId":1,"category":"LAKE","landClassAfter":"x","areaM2":5,"qualityGrade":3,"paddy":false,"permanentBasicFarmland":false,"plannedConstructionLand":false,"highStandardFarmland":false}' | 'application/json' | true || 400 | 'INVALID_FIELD' | 'category'
        'POST' | '/api/outflow-applications'  | '{"townshipId":1,"category":"GREENING","landClassAfter":"x","areaM2":5,"qualityGrade":3,"paddy":"yes","permanentBasicFarmland":false,"plannedConstructionLand":false,"highStandardFarmland":false}' | 'application/json' | true || 400 | 'INVALID_FIELD' | 'paddy'
        'POST' | '/api/outflow-applications'  | '{"townshipId":1,"category":"GREENING","landClassAfter":"x","areaM2":5,"qualityGrade":3,"paddy":false,"permanentBasicFarmland":false,"plannedConstructionLand":false}' | 'application/json' | true || 400 | 'MISSING_FIELD' | 'highStandardFarmland'
        'POST' | '/api/outflow-applications/1/fee-notices' | '{"areaM2":-1}'                         | 'application/json'  | true  || 400    | 'VALIDATION_FAILED'      | 'areaM2'
        'POST' | '/api/outflow-applications/1/fee-notices' | '{"areaM2":18446744073709551616}'       | 'application/json'  | true  || 400    | 'INVALID_FIELD'          | 'areaM2'
        'POST' | '/api/outflow-applications/1/fee-notices' | '{}'                                    | 'application/json'  | true  || 400    | 'MISSING_FIELD'          | 'areaM2'
        'POST' | '/api/outflow-applications/99999/fee-notices' | '{"areaM2":5}'                      | 'application/json'  | true  || 404    | 'OUTFLOW_APPLICATION_NOT_FOUND' | null
        'POST' | '/api/payment-notices/1/confirm' | '{"bankSerial":"x","receivedOn":"2026-01-01","amountFen":1}' | 'application/json' | true || 403 | 'FORBIDDEN'            | null
        'GET'  | '/api/payment-notices/99999'  | null                                                        | null                | true  || 404    | 'NOT_FOUND'              | null
        'GET'  | '/api/payment-notices?status=NOPE' | null                                                   | null                | true  || 400    | 'INVALID_FIELD'          | 'status'
        'POST' | '/api/outflow-applications/1/dance' | null                                              | null                | true  || 404    | 'NOT_FOUND'              | null
        'POST' | '/api/listings'              | '{"townshipId":1,"areaM2":5,"pricePerMuFen":5000000}'       | 'application/json'  | true  || 403    | 'FORBIDDEN'              | null
        'GET'  | '/api/listings'              | null                                                        | null                | true  || 400    | 'MISSING_FIELD'          | 'countyId'
        'POST' | '/api/orders'                | '{"outflowApplicationId":1,"areaM2":5}'                     | 'application/json'  | true  || 403    | 'FORBIDDEN'              | null
        'GET'  | '/api/orders/99999'          | null                                                        | null                | true  || 404    | 'ORDER_NOT_FOUND'        | null
        'GET'  | '/api/townships/{county}/inventory' | null                                                 | null                | true  || 404    | 'TOWNSHIP_NOT_FOUND'     | null
        'GET'  | '/api/townships/99999/account/statement?from=2026-13-01' | null                            | null                | true  || 400    | 'INVALID_FIELD'          | 'from'
        'POST' | '/api/townships/99999/account/reconciliations' | 'date,amount\n'                           | 'text/csv'          | true  || 404    | 'TOWNSHIP_NOT_FOUND'     | null
        'GET'  | '/api/counties/{county}/fee-quote?areaMu=abc' | null                                       | null                | true  || 400    | 'INVALID_FIELD'          | 'areaMu'
        'GET'  | '/api/counties/{county}/fee-quote?areaMu=1.00001' | null                                   | null                | true  || 400    | 'VALIDATION_FAILED'      | 'areaMu'
        'GET'  | '/api/counties/{county}/balance?year=20222' | null                                         | null                | true  || 400    | 'VALIDATION_FAILED'      | 'year'
    }

    private String snapshot(long county) {
        api().get("/api/counties/${county}/rules", admin).body() +
                api().get('/api/organizations?size=500', admin).body() +
                api().get('/api/users?size=500', admin).body()
    }
}
