<#-- Our template for graphql-codegen-maven-plugin's ENUM output: the plugin's own, plus UNKNOWN__.
     Adding an enum value is a dangerous change, not a breaking one (docs/governance.md): a client
     built before it must still read a response that carries the new value, so a value this client
     does not know is read as UNKNOWN__ instead of failing the whole root field. -->
<#if package?has_content>
package ${package};

</#if>
<#if javaDoc?has_content>
/**
<#list javaDoc as javaDocLine>
 * ${javaDocLine}
</#list>
 */
</#if>
@javax.annotation.processing.Generated("graphql-codegen-maven-plugin, from gateway-config/api-schema.graphql")
<#list annotations as annotation>
@${annotation}
</#list>
public enum ${className}<#if implements?has_content> implements <#list implements as interface>${interface}<#if interface_has_next>, </#if></#list></#if> {

<#list fields as field>
<#if field.javaDoc?has_content>
    /**
<#list field.javaDoc as javaDocLine>
     * ${javaDocLine}
</#list>
     */
</#if>
<#if field.deprecated?has_content>
    @${field.deprecated.annotation}
</#if>
    ${field.javaName}("${field.graphqlName}"),
</#list>
    /**
     * A value the schema gained after this client was generated: regenerate the client to
     * tell it apart. Never send it: the router refuses it as an argument.
     */
    UNKNOWN__("UNKNOWN__");

    private final String graphqlName;

    private ${className}(String graphqlName) {
        this.graphqlName = graphqlName;
    }

    /**
     * The value of a response, {@link #UNKNOWN__} for one this client does not know.
     * @param graphqlName the value's name in the schema
     * @return the value, {@code null} for {@code null}
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ${className} of(String graphqlName) {
        if (graphqlName == null) {
            return null;
        }
        for (${className} value : values()) {
            if (value != UNKNOWN__ && value.graphqlName.equals(graphqlName)) {
                return value;
            }
        }
        return UNKNOWN__;
    }

    @Override
    public String toString() {
        return this.graphqlName;
    }

}
