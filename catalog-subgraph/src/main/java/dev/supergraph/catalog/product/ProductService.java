package dev.supergraph.catalog.product;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.supergraph.catalog.category.CategoryRows;
import dev.supergraph.starter.errors.UserErrors;
import dev.supergraph.starter.validation.InputValidator;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.money.Money;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating products and changing prices: validation, the category check and the unique
 * SKU, with database constraints as the final word on races.
 */
@Service
class ProductService {

	private final ProductRows products;

	private final CategoryRows categories;

	private final InputValidator validator;

	private final UserErrors userErrors;

	/**
	 * The currencies a price can be in, with their fraction digits: the ISO 4217 codes
	 * the JDK knows that have a minor unit, so not {@code XXX} (no currency), {@code XTS}
	 * (testing), metals or drawing rights. The input's rule checks the shape (three
	 * upper-case letters), this that it names such a currency; a price change keeps the
	 * product's currency, so only a new product can bring one in.
	 */
	private static final Map<String, Integer> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.filter((currency) -> currency.getDefaultFractionDigits() >= 0)
		.collect(Collectors.toUnmodifiableMap(Currency::getCurrencyCode, Currency::getDefaultFractionDigits));

	private final TransactionTemplate transactions;

	ProductService(ProductRows products, CategoryRows categories, InputValidator validator, UserErrors userErrors,
			TransactionTemplate transactions) {
		this.products = products;
		this.categories = categories;
		this.validator = validator;
		this.userErrors = userErrors;
		this.transactions = transactions;
	}

	ProductPayload create(CreateProductInput input, Locale locale) {
		List<UserError> errors = this.validator.validate(input, locale);
		if (!errors.isEmpty()) {
			return ProductPayload.failed(errors);
		}
		String currency = input.price().currency();
		if (!CURRENCIES.containsKey(currency)) {
			return ProductPayload
				.failed(error("UNKNOWN_CURRENCY", "catalog.unknownCurrency", locale, currency, "price", "currency"));
		}
		if (finerThanItsCurrency(input.price().toMoney())) {
			return ProductPayload
				.failed(error("INVALID_FORMAT", "catalog.amountPrecision", locale, currency, "price", "amount"));
		}
		long categoryId = Long.parseLong(input.categoryId());
		if (!this.categories.existsById(categoryId)) {
			return ProductPayload.failed(
					error("CATEGORY_NOT_FOUND", "catalog.categoryNotFound", locale, input.categoryId(), "categoryId"));
		}
		int stock = (input.stockQuantity() != null) ? input.stockQuantity() : 0;
		Product product = new Product(input.sku(), input.name(), input.description(), input.price().toMoney(),
				categoryId, input.weightGrams(), stock);
		try {
			return ProductPayload.of(this.products.insert(product));
		}
		catch (DataIntegrityViolationException ex) {
			if (!String.valueOf(ex.getMostSpecificCause().getMessage()).contains("product_sku_unique")) {
				throw ex;
			}
			return ProductPayload.failed(error("SKU_TAKEN", "catalog.skuTaken", locale, input.sku(), "sku"));
		}
	}

	ProductPayload updatePrice(UpdateProductPriceInput input, Locale locale) {
		List<UserError> errors = this.validator.validate(input, locale);
		if (!errors.isEmpty()) {
			return ProductPayload.failed(errors);
		}
		long productId = Long.parseLong(input.productId());
		return this.transactions.execute((status) -> this.products.findForUpdateById(productId)
			.map((product) -> changePrice(product, input.price().toMoney(), locale))
			.orElseGet(() -> ProductPayload.failed(
					error("PRODUCT_NOT_FOUND", "catalog.productNotFound", locale, input.productId(), "productId"))));
	}

	/**
	 * A price change keeps the product's currency: the currency came with the product,
	 * checked then, and an order needs one currency for all its lines.
	 */
	private ProductPayload changePrice(Product product, Money price, Locale locale) {
		String currency = product.getPrice().currency();
		if (!currency.equals(price.currency())) {
			return ProductPayload
				.failed(error("CURRENCY_MISMATCH", "catalog.currencyMismatch", locale, currency, "price", "currency"));
		}
		if (finerThanItsCurrency(price)) {
			return ProductPayload
				.failed(error("INVALID_FORMAT", "catalog.amountPrecision", locale, currency, "price", "amount"));
		}
		product.changePrice(price);
		this.products.updatePrice(product);
		return ProductPayload.of(product);
	}

	/**
	 * Whether an amount has more fraction digits than its currency: {@code 1.50} yen.
	 * Trailing zeros do not count, so {@code 200.00} yen, as the API writes it, is sent
	 * back as it came.
	 */
	private static boolean finerThanItsCurrency(Money price) {
		return price.decimal().stripTrailingZeros().scale() > CURRENCIES.get(price.currency());
	}

	private UserError error(String code, String key, Locale locale, String value, String... field) {
		return this.userErrors.of(code, key, value, locale, (Object[]) field);
	}

}
