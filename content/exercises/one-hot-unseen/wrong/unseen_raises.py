# Bug: looks every value up directly, so an unseen category raises KeyError.
def one_hot(train_values, values):
    categories = sorted(set(train_values))
    column = {category: index for index, category in enumerate(categories)}
    rows = []
    for value in values:
        row = [0] * len(categories)
        row[column[value]] = 1
        rows.append(row)
    return rows
