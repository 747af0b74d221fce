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
<#-- The plugin's directiveAnnotationsMapping (pom.xml) hands each @constraint over as one pseudo
     annotation, "constraint|min=…|max=…|minLength=…|…", an absent argument left as {{name}}: turned
     here into the Bean Validation annotations of docs/clients.md, "Validation rules". -->
<#-- min and max first: the plugin substitutes {{min}} at the first "{{min…}}" it finds -->
<#assign constraintKeys = ["min", "max", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems"]>
<#function constraintArg annotation key>
<#local index = constraintKeys?seq_index_of(key)>
<#local value = annotation?keep_after("|" + key + "=")>
<#if index + 1 < constraintKeys?size><#local value = value?keep_before("|" + constraintKeys[index + 1] + "=")></#if>
<#if value?starts_with("{{")><#return ""></#if>
<#return value?remove_beginning("\"")?remove_ending("\"")>
</#function>
<#function bounds low high><#local parts = []><#if low?has_content><#local parts = parts + ["min = " + low]></#if><#if high?has_content><#local parts = parts + ["max = " + high]></#if><#return parts?join(", ")></#function>
<#function beanValidation annotation field>
<#if !annotation?starts_with("constraint|")><#return ["@" + annotation]></#if>
<#local v = "jakarta.validation.constraints.">
<#local result = []>
<#local minLength = constraintArg(annotation, "minLength")><#local maxLength = constraintArg(annotation, "maxLength")>
<#local pattern = constraintArg(annotation, "pattern")><#local format = constraintArg(annotation, "format")>
<#local minItems = constraintArg(annotation, "minItems")><#local maxItems = constraintArg(annotation, "maxItems")>
<#local min = constraintArg(annotation, "min")><#local max = constraintArg(annotation, "max")>
<#if field.type?starts_with("java.util.List<") && (minLength?has_content || maxLength?has_content || pattern?has_content || format?has_content || min?has_content || max?has_content)>
<#stop "${className}.${field.originalName}: @constraint rules on list items are not generated for Java">
</#if>
<#-- strings are judged as the subgraphs judge them: a value of invisible characters only is blank -->
<#if field.mandatory && minLength?has_content && minLength?number gte 1><#local result = result + ["@dev.supergraph.client.NotBlankText"]></#if>
<#if minLength?has_content || maxLength?has_content><#local result = result + ["@dev.supergraph.client.TextLength(" + bounds(minLength, maxLength) + ")"]></#if>
<#if minItems?has_content || maxItems?has_content><#local result = result + ["@" + v + "Size(" + bounds(minItems, maxItems) + ")"]></#if>
<#if pattern?has_content><#local result = result + ["@" + v + "Pattern(regexp = \"" + pattern?j_string + "\")"]></#if>
<#if format == "email"><#local result = result + ["@" + v + "Email(regexp = dev.supergraph.client.InputValidation.EMAIL)"]>
<#elseif format?has_content><#stop "${className}.${field.originalName}: unknown @constraint format ${format}">
</#if>
<#if min?has_content><#local result = result + ["@" + v + "DecimalMin(\"" + min + "\")"]></#if>
<#if max?has_content><#local result = result + ["@" + v + "DecimalMax(\"" + max + "\")"]></#if>
<#return result>
</#function>
<#-- Inputs nest inputs (the schema's lint: input type names end in Input): validated with their paths. -->
<#assign input = className?ends_with("Input")>
<#assign notNull = "jakarta.validation.constraints.NotNull">
<#-- An input's annotations: the rules of its @constraint, and @NotNull on every non-null field (the
     plugin adds its @NotNull to non-primitive types only, so an Int! boxed here would lose it), unless
     @NotBlankText already says REQUIRED. Other types keep the plugin's annotations. -->
<#function validation field>
<#local result = []>
<#list field.annotations?filter(a -> !input || a != notNull) as annotation><#local result = result + beanValidation(annotation, field)></#list>
<#if input && field.mandatory && !result?seq_contains("@dev.supergraph.client.NotBlankText")><#local result = ["@" + notNull] + result></#if>
<#if input && field.type?ends_with("Input")><#local result = ["@jakarta.validation.Valid"] + result></#if>
<#return result>
</#function>
<#-- The items of an input's list are required (codegen/TrustedOperations.java refuses a schema whose input
     lists have nullable items, which the plugin's model cannot tell apart) and validated with their index.
     A type-use annotation goes on the simple name: java.time.@NotNull OffsetDateTime. -->
<#function javaType field>
<#local type = boxed(field.type)>
<#if !input || !type?starts_with("java.util.List<")><#return type></#if>
<#local item = type?keep_after("java.util.List<")?remove_ending(">")>
<#local annotations = (item?ends_with("Input"))?then("@jakarta.validation.Valid @" + notNull, "@" + notNull)>
<#if item?contains(".")><#return "java.util.List<" + item?keep_before_last(".") + "." + annotations + " " + item?keep_after_last(".") + ">"></#if>
<#return "java.util.List<" + annotations + " " + item + ">">
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
    <#if field.deprecated?has_content>@${field.deprecated.annotation} </#if><#list validation(field) as annotation>${annotation} </#list>${javaType(field)} ${field.name}<#if field_has_next>,</#if>
</#list>
)<#if implements?has_content> implements <#list implements as interface>${interface}<#if interface_has_next>, </#if></#list></#if> {
<#if className?ends_with("Input") && fields?filter(f -> f.type == "String")?has_content>

    /** Strings are trimmed as the subgraphs trim them, before validation and sending. */
    public ${className} {
<#list fields?filter(f -> f.type == "String") as field>
        ${field.name} = (${field.name} != null) ? ${field.name}.strip() : null;
</#list>
    }

</#if>
}
