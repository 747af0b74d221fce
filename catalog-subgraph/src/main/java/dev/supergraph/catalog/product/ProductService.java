package dev.supergraph.catalog.product;

import java.util.List;
import java.util.Locale;

import dev.supergraph.catalog.category.CategoryRows;
import dev.supergraph.starter.errors.UserErrors;
import dev.supergraph.starter.validation.InputValidator;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.money.Money;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating products and changing prices: validation, the price's currency and precision,
 * the category check and the unique SKU, with database constraints as the final word on
 * races.
 */
@Service
class ProductService {

	private final ProductRows products;

	private final CategoryRows categories;

	private final InputValidator validator;

	private final PriceRules prices;

	private final UserErrors userErrors;

	private final TransactionTemplate transactions;

	ProductService(ProductRows products, CategoryRows categories, InputValidator validator, PriceRules prices,
			UserErrors userErrors, TransactionTemplate transactions) {
		this.products = products;
		this.categories = categories;
		this.validator = validator;
		this.prices = prices;
		this.userErrors = userErrors;
		this.transactions = transactions;
	}

	ProductPayload create(CreateProductInput input, Locale locale) {
		List<UserError> errors = invalid(input, input.price(), locale);
		if (!errors.isEmpty()) {
			return ProductPayload.failed(errors);
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
		List<UserError> errors = invalid(input, input.price(), locale);
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
	 * The input's declared rules, then its price's: one price check for both mutations,
	 * before any stored data, so no product takes a new price in a currency that is no
	 * longer in use, not even one already stored in it.
	 */
	private List<UserError> invalid(Object input, MoneyInput price, Locale locale) {
		List<UserError> errors = this.validator.validate(input, locale);
		return errors.isEmpty() ? this.prices.check(price.toMoney(), locale) : errors;
	}

	/**
	 * A price change keeps the product's currency, checked when the product came and the
	 * one an order needs for all its lines, while that currency is in use. A product
	 * whose currency was withdrawn since takes the new price's: repricing is how it
	 * leaves a currency nobody can pay in.
	 */
	private ProductPayload changePrice(Product product, Money price, Locale locale) {
		String currency = product.getPrice().currency();
		if (!currency.equals(price.currency()) && this.prices.inUse(currency)) {
			return ProductPayload
				.failed(error("CURRENCY_MISMATCH", "catalog.currencyMismatch", locale, currency, "price", "currency"));
		}
		product.changePrice(price);
		this.products.updatePrice(product);
		return ProductPayload.of(product);
	}

	private UserError error(String code, String key, Locale locale, String value, String... field) {
		return this.userErrors.of(code, key, value, locale, (Object[]) field);
	}

}
