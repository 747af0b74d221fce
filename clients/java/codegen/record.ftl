<#-- Our template for graphql-codegen-maven-plugin's TYPE output: a Java record per type and input
     of the API schema, with the schema's descriptions and the annotations the plugin maps to it
     (nullability, and the @constraint validation rules as Bean Validation). -->
<#-- Components are boxed: an operation selects some fields of a type only, the others are absent
     (null) in its result, whatever the schema's nullability. -->
<#function boxed type>
<#switch type>
<#case "boolean"><#return "Boolean">
<#case "int"><#return "Integer">
<#case "long"><#return "Long">
<#case "double"><#return "Double">
<#case "float"><#return "Float">
<#default><#return type>
</#switch>
</#function>
<#if package?has_content>
package ${package};

</#if>
/**
<#if javaDoc?has_content>
<#list javaDoc as javaDocLine>
 * ${javaDocLine}
</#list>
<#else>
 * The schema's {@code ${className}}.
</#if>
 *
<#list fields as field>
 * @param ${field.name} <#if field.javaDoc?has_content>${field.javaDoc?join(" ")}<#else>{@code ${field.originalName}}</#if>
</#list>
 */
<#if generatedAnnotation && generatedInfo.getGeneratedType()?has_content>
@${generatedInfo.getGeneratedType()}("graphql-codegen-maven-plugin, from gateway-config/api-schema.graphql")
</#if>
<#list annotations as annotation>
@${annotation}
</#list>
public record ${className}(
<#list fields as field>
    <#if field.deprecated?has_content>@${field.deprecated.annotation} </#if><#list field.annotations as annotation>@${annotation} </#list>${boxed(field.type)} ${field.name}<#if field_has_next>,</#if>
</#list>
)<#if implements?has_content> implements <#list implements as interface>${interface}<#if interface_has_next>, </#if></#list></#if> {
}
